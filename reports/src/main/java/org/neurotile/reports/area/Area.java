package org.neurotile.reports.area;

/**
 * The die area of a whole chip by part, in mm² (in a normalised table's units, MAC units).
 *
 * @param tiles the tiles built, every one counted whether a neuron is mapped to it or not
 */
public record Area(double sramMm2, double macMm2, double routerMm2, double linkMm2, long tiles) {
    public Area {
        if (tiles < 1) {
            throw new IllegalArgumentException("a chip has at least one tile, got " + tiles);
        }
    }

    public double totalMm2() {
        return sramMm2 + macMm2 + routerMm2 + linkMm2;
    }

    /** The share of the chip's area of {@code tilesUsed} of its tiles: a chip cut to the mapping. */
    public double usedMm2(long tilesUsed) {
        return totalMm2() * tilesUsed / tiles;
    }
}
