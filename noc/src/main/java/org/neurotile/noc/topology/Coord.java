package org.neurotile.noc.topology;

/** A tile's position in the tile grid; x grows along a row, y from row to row. */
public record Coord(int x, int y) {
    @Override
    public String toString() {
        return "(" + x + "," + y + ")";
    }
}
