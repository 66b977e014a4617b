package org.neurotile.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EventOrderPropertyTest {

    record Scheduled(long time, int priority, int tag, int sequence) { }

    /** Whatever is scheduled, dispatch order is the sort by (time, priority, tag, insertion). */
    @Property(tries = 200)
    void dispatchOrderIsTheTotalOrder(
            @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 50) Integer> times,
            @ForAll @IntRange(min = 1, max = 7) int targetCount,
            @ForAll long mix) {
        Simulation sim = new Simulation();
        List<Integer> dispatched = new ArrayList<>();
        EventTarget[] targets = new EventTarget[targetCount];
        for (int t = 0; t < targetCount; t++) {
            int priority = (int) Math.floorMod(mix >> t, 3L) - 1;
            targets[t] = sim.register("t" + t, priority, payload -> dispatched.add((int) payload));
        }
        List<Scheduled> expected = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            EventTarget target = targets[Math.floorMod(i * 31 + (int) mix, targetCount)];
            sim.scheduleAt(target, times.get(i), i);
            expected.add(new Scheduled(times.get(i), target.priority(), target.tag(), i));
        }
        expected.sort(Comparator.comparingLong(Scheduled::time)
                .thenComparingInt(Scheduled::priority)
                .thenComparingInt(Scheduled::tag)
                .thenComparingInt(Scheduled::sequence));
        sim.run();
        assertEquals(expected.stream().map(Scheduled::sequence).toList(), dispatched);
    }

    /** Events scheduled while running interleave correctly with those already pending. */
    @Property(tries = 100)
    void holdModelDispatchesInNonDecreasingTime(@ForAll @IntRange(min = 1, max = 300) int pending,
                                                 @ForAll long seed) {
        Simulation sim = new Simulation();
        long[] state = {seed, -1, 0};
        EventTarget[] self = new EventTarget[1];
        self[0] = sim.register("hold", p -> {
            if (sim.nowCycles() < state[1]) {
                throw new AssertionError("time went backwards");
            }
            state[1] = sim.nowCycles();
            if (++state[2] < 5_000) {
                state[0] = state[0] * 6364136223846793005L + 1442695040888963407L;
                sim.schedule(self[0], (state[0] >>> 58), p);
            }
        });
        for (int i = 0; i < pending; i++) {
            sim.scheduleAt(self[0], i % 17, i);
        }
        sim.run();
        assertEquals(5_000 + pending - 1, sim.eventsDispatched());
    }
}
