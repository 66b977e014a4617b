package org.neurotile.noc.traffic;

import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.DoubleRange;
import org.neurotile.sim.config.WholeParameter;

/**
 * One load point of a synthetic-traffic experiment.
 *
 * @param rateFlitsPerNodeCycle offered load: every sending tile starts a packet in a cycle with
 *     probability rate / packetFlits (Bernoulli injection)
 * @param packetFlits flits per packet, header included
 * @param warmupCycles cycles run before measuring, so queues reach steady state
 * @param measureCycles the measurement window; packets sent in it are tracked until delivered
 * @param seed seed of the tiles' random streams
 */
public record LoadSettings(double rateFlitsPerNodeCycle, int packetFlits, long warmupCycles, long measureCycles,
                           long seed) {
    /** Offered load, flits per node per cycle. */
    public static final DoubleRange RATE = new DoubleRange(0, false, 1, true);
    public static final WholeParameter PACKET_FLITS = new WholeParameter("packetFlits", "--packet-flits", 1, 1 << 20,
            4, "flits per packet, header included");
    /** The longest run a load point simulates, warm-up and window together: about 69 billion cycles. */
    public static final long MAX_CYCLES = 1L << 36;
    public static final WholeParameter WARMUP_CYCLES = new WholeParameter("warmupCycles", "--warmup", 0, MAX_CYCLES,
            1_000, "cycles before measuring");
    public static final WholeParameter MEASURE_CYCLES = new WholeParameter("measureCycles", "--measure", 1,
            MAX_CYCLES, 10_000, "cycles of the measurement window");

    public LoadSettings {
        if (!(rateFlitsPerNodeCycle > 0 && rateFlitsPerNodeCycle <= 1)) {
            throw new InvalidInputException("rate " + rateFlitsPerNodeCycle
                    + " is outside (0, 1] flits per node per cycle");
        }
        if (packetFlits <= 0) {
            throw new InvalidInputException("packet-flits must be a positive integer, got " + packetFlits);
        }
        if (warmupCycles < 0) {
            throw new InvalidInputException("warmup must be zero or more cycles, got " + warmupCycles);
        }
        if (measureCycles <= 0) {
            throw new InvalidInputException("measure must be a positive number of cycles, got " + measureCycles);
        }
        requireWindow(warmupCycles, measureCycles);
    }

    /** Warm-up and window together stay within {@link #MAX_CYCLES}, so the window's end is a valid time. */
    public static void requireWindow(long warmupCycles, long measureCycles) {
        if (warmupCycles > MAX_CYCLES - measureCycles) {
            throw new InvalidInputException("warm-up " + warmupCycles + " + measure " + measureCycles + " cycles "
                    + "(warmupCycles + measureCycles) is over " + MAX_CYCLES + " cycles, the longest run of a load point");
        }
    }

    /** Probability that a sending tile starts a packet in a given cycle. */
    public double packetProbabilityPerCycle() {
        return rateFlitsPerNodeCycle / packetFlits;
    }
}
