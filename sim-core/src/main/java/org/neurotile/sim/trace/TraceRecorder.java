package org.neurotile.sim.trace;

/**
 * Records activity spans on named tracks for a timeline viewer. Tracing is off by default:
 * components check {@link #enabled()} before building span names, and the {@link #disabled()}
 * recorder ignores everything.
 */
public sealed interface TraceRecorder permits ChromeTraceRecorder, DisabledTraceRecorder {

    /** The recorder that records nothing. */
    static TraceRecorder disabled() {
        return DisabledTraceRecorder.INSTANCE;
    }

    boolean enabled();

    /**
     * The id of the track {@code name} within {@code group} (e.g. group {@code tile[3,4]}, track
     * {@code mac}), created on first use; the same pair always gives the same id. The disabled
     * recorder returns 0 for every pair.
     */
    int track(String group, String name);

    /** Records that {@code name} ran on {@code track} from {@code startCycles} to {@code endCycles}. */
    void span(int track, String name, long startCycles, long endCycles);
}
