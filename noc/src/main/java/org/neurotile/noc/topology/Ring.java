package org.neurotile.noc.topology;

import java.util.Objects;

/**
 * A bidirectional ring through the tiles of a grid in boustrophedon (snake) order: row 0 left to right,
 * row 1 right to left, and so on, so consecutive ring positions are grid neighbours. The link closing
 * the ring joins the snake's last tile back to tile (0,0).
 */
public final class Ring extends LinkedTopology {
    private final int[] tileAt;
    private final int[] positionOf;
    private final LinkTable links;

    /** Use {@link Topologies#parse} for user input; this checks only what a caller could get wrong. */
    public Ring(int width, int height) {
        super(width, height);
        final int n = width * height;
        this.tileAt = new int[n];
        this.positionOf = new int[n];
        for (int p = 0; p < n; p++) {
            final int y = p / width;
            final int x = y % 2 == 0 ? p % width : width - 1 - p % width;
            tileAt[p] = y * width + x;
            positionOf[tileAt[p]] = p;
        }
        // Per position: the link in the + direction, then the one in the - direction. With 2 tiles both
        // directions reach the same neighbour, which gets one link; 1 tile has none.
        final LinkTable.Builder builder = new LinkTable.Builder(n, 2 * n);
        for (int p = 0; p < n; p++) {
            final int first = builder.size();
            for (final int next : new int[] {tileAt[(p + 1) % n], tileAt[(p + n - 1) % n]}) {
                if (next != tileAt[p] && !builder.addedSince(first, tileAt[p], next)) {
                    builder.add(tileAt[p], next);
                }
            }
        }
        this.links = builder.build();
    }

    /** The tile's place along the ring, 0 at tile (0,0), increasing in the + direction. */
    public int position(int tile) {
        return positionOf[tile];
    }

    /** The tile at a place along the ring. */
    public int tileAt(int position) {
        return tileAt[position];
    }

    @Override
    LinkTable links() {
        return links;
    }

    @Override
    public String spec() {
        return height == 1 ? "ring:" + width : "ring:" + width + "x" + height;
    }

    @Override
    public int minimalHops(int srcTile, int dstTile) {
        Objects.checkIndex(srcTile, tileAt.length);
        Objects.checkIndex(dstTile, tileAt.length);
        final int d = Math.abs(positionOf[srcTile] - positionOf[dstTile]);
        return Math.min(d, tileAt.length - d);
    }
}
