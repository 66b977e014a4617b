package org.neurotile.noc.traffic;

import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.UserText;

/** Creates traffic patterns by name. */
public final class TrafficPatterns {
    public static final String VALID =
            "uniform, transpose, bit-complement, hotspot[:FRACTION], broadcast[:TILE], all-to-all";
    private static final double DEFAULT_HOTSPOT_FRACTION = 0.1;

    private TrafficPatterns() {
    }

    /**
     * Parses a pattern for a topology. The hotspot is the tile at the centre of the grid; a
     * broadcast comes from tile 0 unless another tile index is given.
     */
    public static TrafficPattern parse(String spec, Topology topology) {
        String text = spec.trim();
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String argument = colon < 0 ? null : text.substring(colon + 1);
        int tiles = topology.tileCount();
        switch (kind) {
            case "uniform":
                noArgument(spec, argument);
                return new TrafficPattern.Uniform(tiles);
            case "transpose":
                noArgument(spec, argument);
                if (topology.width() != topology.height()) {
                    throw new InvalidInputException("traffic 'transpose' needs a square grid of tiles, got "
                            + topology.width() + "x" + topology.height() + " (" + topology.spec() + ")");
                }
                return new TrafficPattern.Transpose(topology);
            case "bit-complement":
                noArgument(spec, argument);
                return new TrafficPattern.BitComplement(topology);
            case "hotspot":
                double fraction = argument == null ? DEFAULT_HOTSPOT_FRACTION : fraction(spec, argument);
                int centre = topology.tile(topology.width() / 2, topology.height() / 2);
                return new TrafficPattern.Hotspot(tiles, centre, fraction);
            case "broadcast":
                int source = argument == null ? 0 : tile(spec, argument, tiles);
                return new TrafficPattern.Broadcast(source);
            case "all-to-all":
                noArgument(spec, argument);
                return new TrafficPattern.AllToAll();
            default:
                throw new InvalidInputException("unknown traffic '" + UserText.shown(spec) + "' (valid: " + VALID + ")");
        }
    }

    private static void noArgument(String spec, String argument) {
        if (argument != null) {
            throw new InvalidInputException("traffic '" + UserText.shown(spec) + "' takes no argument (valid: " + VALID + ")");
        }
    }

    private static double fraction(String spec, String argument) {
        try {
            double value = Double.parseDouble(argument);
            if (value > 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("traffic '" + UserText.shown(spec) + "': the hotspot fraction must be in (0, 1]");
    }

    private static int tile(String spec, String argument, int tiles) {
        try {
            int value = Integer.parseInt(argument);
            if (value >= 0 && value < tiles) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("traffic '" + UserText.shown(spec) + "': the broadcast source must be a tile index in 0.."
                + (tiles - 1));
    }
}
