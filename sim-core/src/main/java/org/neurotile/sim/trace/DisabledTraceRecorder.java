package org.neurotile.sim.trace;

/** Records nothing; every track id is 0. */
final class DisabledTraceRecorder implements TraceRecorder {
    static final DisabledTraceRecorder INSTANCE = new DisabledTraceRecorder();

    private DisabledTraceRecorder() {}

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public int track(String group, String name) {
        return 0;
    }

    @Override
    public void span(int track, String name, long startCycles, long endCycles) {
        // Tracing is off.
    }
}
