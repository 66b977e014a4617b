package org.neurotile.noc;

import java.util.Arrays;

/**
 * Where a packet goes: one tile, a set of tiles, or every tile. Equal sets are equal objects, so
 * the network can reuse the multicast tree it built for a set.
 */
public final class Destinations {
    private final int[] tiles; // sorted, distinct; empty for "all"
    private final boolean all;
    private final boolean allIncludesSource;
    private final int hash;

    private Destinations(int[] tiles, boolean all, boolean allIncludesSource) {
        this.tiles = tiles;
        this.all = all;
        this.allIncludesSource = allIncludesSource;
        this.hash = 31 * Arrays.hashCode(tiles) + (all ? (allIncludesSource ? 2 : 1) : 0);
    }

    public static Destinations tile(int tile) {
        if (tile < 0) {
            throw new IllegalArgumentException("negative tile " + tile);
        }
        return new Destinations(new int[] {tile}, false, false);
    }

    /** A set of tiles; duplicates are an error. */
    public static Destinations tiles(int... tiles) {
        if (tiles.length == 0) {
            throw new IllegalArgumentException("a packet needs at least one destination");
        }
        int[] sorted = tiles.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0 || (i > 0 && sorted[i] == sorted[i - 1])) {
                throw new IllegalArgumentException("destination tiles must be distinct and non-negative: "
                        + Arrays.toString(tiles));
            }
        }
        return new Destinations(sorted, false, false);
    }

    /** Every tile but the source. */
    public static Destinations allOthers() {
        return new Destinations(new int[0], true, false);
    }

    /** Every tile, the source included. */
    public static Destinations allTiles() {
        return new Destinations(new int[0], true, true);
    }

    public boolean isAll() {
        return all;
    }

    public boolean allIncludesSource() {
        return allIncludesSource;
    }

    public boolean isSingleTile() {
        return !all && tiles.length == 1;
    }

    /** The listed tiles in ascending order (empty for "all"). */
    public int[] listedTiles() {
        return tiles.clone();
    }

    int[] listedTilesView() {
        return tiles;
    }

    int listedCount() {
        return tiles.length;
    }

    int listedTile(int index) {
        return tiles[index];
    }

    /** How many tiles receive the packet, in a network of {@code tileCount} tiles. */
    public int count(int tileCount) {
        if (!all) {
            return tiles.length;
        }
        return allIncludesSource ? tileCount : tileCount - 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Destinations that && all == that.all
                && allIncludesSource == that.allIncludesSource && Arrays.equals(tiles, that.tiles);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        if (all) {
            return allIncludesSource ? "all" : "all-others";
        }
        return Arrays.toString(tiles);
    }
}
