package org.neurotile.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void eventsRunInTimeOrder() {
        Simulation sim = new Simulation();
        List<Long> seen = new ArrayList<>();
        EventTarget target = sim.register("t", payload -> seen.add(payload));
        sim.scheduleAt(target, 30, 3);
        sim.scheduleAt(target, 10, 1);
        sim.scheduleAt(target, 20, 2);
        sim.run();
        assertEquals(List.of(1L, 2L, 3L), seen);
        assertEquals(30, sim.nowCycles());
    }

    @Test
    void tiesAreOrderedByPriorityThenTagThenInsertion() {
        Simulation sim = new Simulation();
        List<String> seen = new ArrayList<>();
        EventTarget lateTag = sim.register("a", 0, p -> seen.add("a" + p));
        EventTarget earlyTagHighPriority = sim.register("b", -1, p -> seen.add("b" + p));
        EventTarget laterTag = sim.register("c", 0, p -> seen.add("c" + p));
        sim.scheduleAt(laterTag, 5, 1);
        sim.scheduleAt(lateTag, 5, 2);
        sim.scheduleAt(lateTag, 5, 1);
        sim.scheduleAt(earlyTagHighPriority, 5, 1);
        sim.run();
        assertEquals(List.of("b1", "a2", "a1", "c1"), seen);
    }

    @Test
    void zeroDelayRunsInTheSameCycleAfterTheCurrentEvent() {
        Simulation sim = new Simulation();
        List<String> seen = new ArrayList<>();
        EventTarget[] second = new EventTarget[1];
        EventTarget first = sim.register("first", p -> {
            seen.add("first@" + sim.nowCycles());
            sim.schedule(second[0], 0, 0);
        });
        second[0] = sim.register("second", p -> seen.add("second@" + sim.nowCycles()));
        sim.scheduleAt(first, 7, 0);
        sim.run();
        assertEquals(List.of("first@7", "second@7"), seen);
    }

    @Test
    void schedulingInThePastIsAnError() {
        Simulation sim = new Simulation();
        EventTarget target = sim.register("t", p -> { });
        sim.scheduleAt(target, 10, 0);
        sim.run();
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(target, 9, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(target, -1, 0));
    }

    @Test
    void targetOfAnotherSimulationIsRejected() {
        Simulation one = new Simulation();
        Simulation other = new Simulation();
        other.register("x", p -> { });
        EventTarget foreign = one.register("y", p -> { });
        other.register("z", p -> { });
        assertThrows(IllegalArgumentException.class, () -> other.scheduleAt(foreign, 1, 0));
    }

    @Test
    void runUntilTimeStopsBeforeLaterEventsAndAdvancesTheClock() {
        Simulation sim = new Simulation();
        List<Long> seen = new ArrayList<>();
        EventTarget target = sim.register("t", seen::add);
        sim.scheduleAt(target, 5, 5);
        sim.scheduleAt(target, 10, 10);
        sim.scheduleAt(target, 11, 11);
        sim.runUntil(10);
        assertEquals(List.of(5L, 10L), seen);
        assertEquals(10, sim.nowCycles());
        assertEquals(1, sim.pendingEvents());
    }

    @Test
    void runUntilConditionStopsAfterTheEventThatMetIt() {
        Simulation sim = new Simulation();
        long[] sum = new long[1];
        EventTarget target = sim.register("t", p -> sum[0] += p);
        for (int i = 1; i <= 10; i++) {
            sim.scheduleAt(target, i, i);
        }
        sim.runUntil(s -> sum[0] >= 10);
        assertEquals(10, sum[0]);
        assertEquals(4, sim.nowCycles());
    }

    @Test
    void priorityOutsideShortRangeIsRejected() {
        Simulation sim = new Simulation();
        assertThrows(IllegalArgumentException.class, () -> sim.register("t", 1 << 16, p -> { }));
    }

    @Test
    void twoSimulationsInOneJvmDoNotShareState() {
        Simulation a = new Simulation();
        Simulation b = new Simulation();
        EventTarget ta = a.register("t", p -> { });
        EventTarget tb = b.register("t", p -> { });
        a.scheduleAt(ta, 100, 0);
        b.scheduleAt(tb, 3, 0);
        b.run();
        assertEquals(3, b.nowCycles());
        assertEquals(0, a.nowCycles());
        assertEquals(1, a.pendingEvents());
    }

    @Test
    void runEventsDispatchesAtMostTheGivenNumber() {
        Simulation sim = new Simulation();
        EventTarget target = sim.register("t", p -> { });
        for (int i = 0; i < 5; i++) {
            sim.scheduleAt(target, i * 10L, i);
        }
        sim.runEvents(3);
        assertEquals(3, sim.eventsDispatched());
        assertEquals(20, sim.nowCycles());
        assertEquals(2, sim.pendingEvents());
    }

    @Test
    void runAfterAnEarlierRunDispatchesWhatIsStillPending() {
        Simulation sim = new Simulation();
        List<Long> seen = new ArrayList<>();
        EventTarget target = sim.register("t", seen::add);
        sim.scheduleAt(target, 1, 1);
        sim.scheduleAt(target, 5, 5);
        sim.runUntil(2);
        sim.scheduleAt(target, 3, 3);
        sim.run();
        assertEquals(List.of(1L, 3L, 5L), seen);
    }
}
