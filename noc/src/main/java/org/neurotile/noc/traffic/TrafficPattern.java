package org.neurotile.noc.traffic;

import org.apache.commons.rng.UniformRandomProvider;
import org.neurotile.noc.Destinations;
import org.neurotile.noc.topology.Coord;
import org.neurotile.noc.topology.Topology;

/**
 * Where synthetic packets go. Tiles are the topology's grid of coordinates; permutations are
 * defined on that grid, so they mean the same on a mesh, torus, ring or tree of the same shape.
 */
public sealed interface TrafficPattern {

    /** The name as given on the command line, e.g. {@code hotspot:0.2}. */
    String spec();

    /** Whether this tile injects packets at all. */
    default boolean sends(int tile) {
        return true;
    }

    /** Destinations of the next packet from {@code source}. */
    Destinations next(int source, UniformRandomProvider random);

    /** Any tile but the source, equally likely. */
    record Uniform(int tileCount) implements TrafficPattern {
        @Override
        public String spec() {
            return "uniform";
        }

        @Override
        public Destinations next(int source, UniformRandomProvider random) {
            return Destinations.tile(uniformOther(source, tileCount, random));
        }
    }

    /** (x, y) sends to (y, x) on a square grid; tiles on the diagonal send to themselves. */
    record Transpose(Topology topology) implements TrafficPattern {
        @Override
        public String spec() {
            return "transpose";
        }

        @Override
        public Destinations next(int source, UniformRandomProvider random) {
            Coord c = topology.coord(source);
            return Destinations.tile(topology.tile(c.y(), c.x()));
        }
    }

    /** (x, y) sends to (W-1-x, H-1-y): on power-of-two sizes, the complement of the index bits. */
    record BitComplement(Topology topology) implements TrafficPattern {
        @Override
        public String spec() {
            return "bit-complement";
        }

        @Override
        public Destinations next(int source, UniformRandomProvider random) {
            Coord c = topology.coord(source);
            return Destinations.tile(topology.tile(topology.width() - 1 - c.x(), topology.height() - 1 - c.y()));
        }
    }

    /** A fraction of packets go to one hotspot tile; the rest are uniform. */
    record Hotspot(int tileCount, int hotspotTile, double fraction) implements TrafficPattern {
        @Override
        public String spec() {
            return "hotspot:" + fraction;
        }

        @Override
        public Destinations next(int source, UniformRandomProvider random) {
            if (source != hotspotTile && random.nextDouble() < fraction) {
                return Destinations.tile(hotspotTile);
            }
            return Destinations.tile(uniformOther(source, tileCount, random));
        }
    }

    /** One tile sends every packet to all the others; the rest are silent. */
    record Broadcast(int sourceTile) implements TrafficPattern {
        private static final Destinations ALL_OTHERS = Destinations.allOthers();

        @Override
        public String spec() {
            return "broadcast:" + sourceTile;
        }

        @Override
        public boolean sends(int tile) {
            return tile == sourceTile;
        }

        @Override
        public Destinations next(int source, UniformRandomProvider random) {
            return ALL_OTHERS;
        }
    }

    /** Every tile sends every packet to all the others. */
    record AllToAll() implements TrafficPattern {
        private static final Destinations ALL_OTHERS = Destinations.allOthers();

        @Override
        public String spec() {
            return "all-to-all";
        }

        @Override
        public Destinations next(int source, UniformRandomProvider random) {
            return ALL_OTHERS;
        }
    }

    private static int uniformOther(int source, int tileCount, UniformRandomProvider random) {
        if (tileCount == 1) {
            return source;
        }
        int destination = random.nextInt(tileCount - 1);
        return destination >= source ? destination + 1 : destination;
    }
}
