package org.neurotile.noc.traffic;

import org.apache.commons.rng.UniformRandomProvider;
import org.neurotile.sim.Component;
import org.neurotile.sim.EventTarget;
import org.neurotile.sim.Simulation;

/**
 * A tile that starts packets by a Bernoulli process: one trial per cycle with probability p. The
 * gaps between packets are drawn directly (geometric), so an idle cycle costs no event.
 */
final class TrafficSource extends Component {
    interface PacketStarter {
        void start(int tile, long nowCycles);
    }

    private final int tile;
    private final UniformRandomProvider random;
    private final double logFailure;
    private final long stopCycles;
    private final PacketStarter starter;
    private final EventTarget fire;

    TrafficSource(Simulation simulation, String path, int tile, UniformRandomProvider random,
                  double probability, long stopCycles, PacketStarter starter) {
        super(simulation, path);
        this.tile = tile;
        this.random = random;
        this.logFailure = probability >= 1 ? Double.NEGATIVE_INFINITY : Math.log1p(-probability);
        this.stopCycles = stopCycles;
        this.starter = starter;
        this.fire = timer("fire", ignored -> fire());
    }

    /** Schedules the first packet: the first successful trial from cycle 0 on. */
    void begin() {
        scheduleNext(gapCycles() - 1);
    }

    private void fire() {
        starter.start(tile, simulation().nowCycles());
        scheduleNext(gapCycles());
    }

    private void scheduleNext(long delay) {
        if (simulation().nowCycles() + delay < stopCycles) {
            simulation().schedule(fire, delay, 0);
        }
    }

    /** Trials until the next success, at least 1. */
    private long gapCycles() {
        if (logFailure == Double.NEGATIVE_INFINITY) {
            return 1;
        }
        double u = random.nextDouble(); // in [0, 1)
        return 1 + (long) Math.floor(Math.log1p(-u) / logFailure);
    }
}
