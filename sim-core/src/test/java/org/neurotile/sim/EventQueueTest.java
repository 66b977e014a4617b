package org.neurotile.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    private static List<Long> drain(EventQueue queue) {
        List<Long> times = new ArrayList<>();
        while (queue.advance(Long.MAX_VALUE)) {
            queue.pop();
            times.add(queue.currentTime());
        }
        return times;
    }

    @Test
    void eventsBeyondTheWheelComeOutInTimeOrderWithNearOnes() {
        EventQueue queue = new EventQueue(16);
        long far = EventQueue.WHEEL_CYCLES * 3L + 5;
        queue.add(far, 0, 0);
        queue.add(7, 0, 0);
        queue.add(EventQueue.WHEEL_CYCLES - 1, 0, 0);
        queue.add(far, 0, 0);
        assertEquals(List.of(7L, (long) EventQueue.WHEEL_CYCLES - 1, far, far), drain(queue));
    }

    @Test
    void farAndWheelEventsOfOneCycleAreMergedByRank() {
        EventQueue queue = new EventQueue(16);
        long time = EventQueue.WHEEL_CYCLES + 10;
        queue.add(time, EventQueue.rank(0, 5), 500); // far when added
        queue.add(20, 0, 0);
        assertTrue(queue.advance(Long.MAX_VALUE));
        queue.pop(); // now at 20: time is within the wheel
        queue.add(time, EventQueue.rank(0, 3), 300);
        assertTrue(queue.advance(Long.MAX_VALUE));
        assertEquals(EventQueue.rank(0, 3), queue.pop());
        assertTrue(queue.advance(Long.MAX_VALUE));
        assertEquals(EventQueue.rank(0, 5), queue.pop());
        assertEquals(500, queue.poppedPayload());
        assertFalse(queue.advance(Long.MAX_VALUE));
    }

    @Test
    void wheelWrapsAroundManyTimes() {
        EventQueue queue = new EventQueue(4);
        long expected = 0;
        queue.add(0, 0, 0);
        int count = 0;
        while (queue.advance(Long.MAX_VALUE)) {
            queue.pop();
            assertEquals(expected, queue.currentTime());
            count++;
            if (count < 1_000) {
                expected = queue.currentTime() + 977 + (count % 3) * EventQueue.WHEEL_CYCLES / 2;
                queue.add(expected, 0, 0);
            }
        }
        assertEquals(1_000, count);
    }

    @Test
    void advanceStopsAtTheEndTime() {
        EventQueue queue = new EventQueue(4);
        queue.add(50, 0, 0);
        assertFalse(queue.advance(49));
        assertTrue(queue.advance(50));
    }
}
