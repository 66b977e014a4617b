package org.neurotile.sim;

/** Asked after every event: {@code true} stops the run there. */
@FunctionalInterface
public interface StopCondition {
    boolean shouldStop(Simulation simulation);
}
