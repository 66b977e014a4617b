package org.neurotile.noc;

import java.util.SplittableRandom;

/** Random destination sets for traffic tests, and who a set reaches. */
final class RandomDestinations {
    private RandomDestinations() {
    }

    /** All others, all tiles, a random list, or one tile, each a quarter of the time. */
    static Destinations draw(SplittableRandom random, int tiles) {
        switch (random.nextInt(4)) {
            case 0:
                return Destinations.allOthers();
            case 1:
                return Destinations.allTiles();
            case 2:
                return Destinations.tiles(random.ints(0, tiles).distinct().limit(1 + random.nextInt(tiles)).toArray());
            default:
                return Destinations.tile(random.nextInt(tiles));
        }
    }

    /** Whether a packet from {@code source} to {@code destinations} is delivered to {@code tile}. */
    static boolean receives(Destinations destinations, int source, int tile) {
        if (destinations.isAll()) {
            return tile != source || destinations.allIncludesSource();
        }
        for (int listed : destinations.listedTiles()) {
            if (listed == tile) {
                return true;
            }
        }
        return false;
    }
}
