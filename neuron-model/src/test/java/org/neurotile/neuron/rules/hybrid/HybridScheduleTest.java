package org.neurotile.neuron.rules.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.neurotile.sim.random.RandomStreams;

class HybridScheduleTest {
    private static final RandomStreams STREAMS = new RandomStreams(11);

    @Test
    void probabilityZeroNeverAndOneAlwaysDrawsBp() {
        assertEquals(0, new HybridSchedule(0, 0.5).backpropSteps(STREAMS, 1, 500));
        assertEquals(500, new HybridSchedule(1, 0.5).backpropSteps(STREAMS, 1, 500));
    }

    @Test
    void theShareOfBpStepsIsNearP() {
        long steps = new HybridSchedule(0.1, 0.5).backpropSteps(STREAMS, 3, 20_000);
        // binomial(20000, 0.1): sd 42
        assertEquals(2000, steps, 200);
    }

    @Test
    void aStepsKindDependsOnlyOnTheSeedAndItsPosition() {
        HybridSchedule schedule = new HybridSchedule(0.5, 0.5);
        for (int step = 0; step < 50; step++) {
            assertEquals(schedule.backpropStep(new RandomStreams(11), 2, step), schedule.backpropStep(STREAMS, 2, step));
        }
    }

    @Test
    void pAndGammaOutsideZeroToOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HybridSchedule(1.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new HybridSchedule(0.5, -0.1));
    }
}
