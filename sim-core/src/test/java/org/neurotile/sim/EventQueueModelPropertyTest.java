package org.neurotile.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The event queue against a plain priority queue on (time, rank, sequence). */
class EventQueueModelPropertyTest {

    record Event(long time, long rank, long sequence, long payload) { }

    @Property(tries = 300)
    void matchesAReferenceQueueWhenEventsAreAddedWhileDraining(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 200) int initial,
            @ForAll @IntRange(min = 1, max = 40_000) int maxDelay) {
        SplittableRandom random = new SplittableRandom(seed);
        EventQueue queue = new EventQueue(4);
        PriorityQueue<Event> reference = new PriorityQueue<>(Comparator.comparingLong(Event::time)
                .thenComparingLong(Event::rank).thenComparingLong(Event::sequence));
        long[] sequence = {0};
        long now = 0;
        for (int i = 0; i < initial; i++) {
            add(queue, reference, sequence, now + random.nextInt(maxDelay), random, i);
        }
        List<Long> actual = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        int budget = 2_000;
        while (queue.advance(Long.MAX_VALUE)) {
            queue.pop();
            actual.add(queue.poppedPayload());
            Event event = reference.poll();
            expected.add(event.payload());
            assertEquals(event.time(), queue.currentTime());
            now = queue.currentTime();
            int children = budget-- > 0 ? random.nextInt(3) : 0;
            for (int c = 0; c < children; c++) {
                long delay = random.nextInt(4) == 0 ? 0 : random.nextInt(maxDelay);
                add(queue, reference, sequence, now + delay, random, sequence[0]);
            }
        }
        assertEquals(expected, actual);
        assertEquals(0, reference.size());
    }

    private static void add(EventQueue queue, PriorityQueue<Event> reference, long[] sequence,
                            long time, SplittableRandom random, long payload) {
        long rank = EventQueue.rank(random.nextInt(3) - 1, random.nextInt(5));
        queue.add(time, rank, payload);
        reference.add(new Event(time, rank, sequence[0]++, payload));
    }
}
