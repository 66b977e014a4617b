package org.neurotile.noc.traffic;

import org.neurotile.sim.InvalidInputException;

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
    }

    /** Probability that a sending tile starts a packet in a given cycle. */
    public double packetProbabilityPerCycle() {
        return rateFlitsPerNodeCycle / packetFlits;
    }
}
