package org.neurotile.neuron.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RoundingNoiseTest {
    @Property(tries = 200)
    void aRunOfUniformsIsEachDrawsUniform(@ForAll long key,
                                          @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long first,
                                          @ForAll @IntRange(min = 0, max = 40) int count) {
        RoundingNoise noise = new RoundingNoise(key);
        double[] run = new double[count + 1];
        run[count] = -1; // beyond the run: untouched
        noise.uniforms(first, run, count);
        for (int i = 0; i < count; i++) {
            assertEquals(Double.doubleToLongBits(noise.uniform(first + i)), Double.doubleToLongBits(run[i]), "draw " + i);
        }
        assertEquals(-1, run[count]);
        assertEquals(0, noise.draws(), "a run of uniforms makes no draw");
    }
}
