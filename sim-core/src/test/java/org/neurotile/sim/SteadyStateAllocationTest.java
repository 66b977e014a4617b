package org.neurotile.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class SteadyStateAllocationTest {

    /** A handler that reschedules itself: the classic hold model. */
    private static final class Hold {
        final Simulation sim = new Simulation();
        final EventTarget target;
        long state = 12345;

        Hold(int pending) {
            target = sim.register("hold", this::fire);
            for (int i = 0; i < pending; i++) {
                sim.scheduleAt(target, i, i);
            }
        }

        void fire(long payload) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            sim.schedule(target, 1 + (state >>> 54), payload);
        }

        void runEvents(long count) {
            sim.runEvents(count);
        }
    }

    /**
     * Any object per event would cost at least 16 bytes per event; less than one byte per event on
     * average leaves room only for the queue's arrays reaching a new peak size.
     */
    @Test
    void schedulingAndDispatchAllocateNothingPerEventOnceWarm() {
        com.sun.management.ThreadMXBean threads = threadBean();
        Hold hold = new Hold(10_000);
        hold.runEvents(500_000);
        long events = 500_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        hold.runEvents(events);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < events, "allocated " + allocated + " bytes over " + events + " events");
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "JVM cannot measure allocation");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "JVM cannot measure allocation");
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }
}
