package org.neurotile.neuron.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The relu steps of a batch stored by unit with the JDK's Vector API (incubating on Java 17), used
 * by {@link FloatActivations} when the JVM has the module: a compare and a blend per vector where
 * the scalar loops branch on each value's sign, a branch the CPU mispredicts for about half of a
 * layer's values, since they change every step. The same adds, multiplies and choices, so the same
 * bits. Compiled on its own, as {@link VectorLanes} is.
 */
final class ActivationLanes {
    // 256 bits, as UpdateLanes: Java 17 does not intrinsify every 512-bit operation
    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_256;

    private ActivationLanes() {
    }

    /** The number of leading values of each unit the vector loops cover; the caller does the rest. */
    static int covered(int count) {
        return LANES.loopBound(count);
    }

    /** a += c[i] and h = (a > 0 ? a : 0) over the first {@link #covered}(count) values of units 0..units-1. */
    static void addBiasRelu(float[] a, float[] h, float[] c, int units, int count) {
        FloatVector zero = FloatVector.zero(LANES);
        int end = covered(count);
        for (int i = 0; i < units; i++) {
            FloatVector bias = FloatVector.broadcast(LANES, c[i]);
            for (int k = i * count, last = k + end; k < last; k += LANES.length()) {
                FloatVector sum = FloatVector.fromArray(LANES, a, k).add(bias);
                sum.intoArray(a, k);
                zero.blend(sum, sum.compare(VectorOperators.GT, 0f)).intoArray(h, k);
            }
        }
    }

    /** d[k] *= (a[k] > 0 ? 1 : 0) for k below {@link #covered}(n). */
    static void timesReluDerivative(float[] d, float[] a, int n) {
        FloatVector zero = FloatVector.zero(LANES);
        FloatVector one = FloatVector.broadcast(LANES, 1f);
        for (int k = 0, end = covered(n); k < end; k += LANES.length()) {
            VectorMask<Float> positive = FloatVector.fromArray(LANES, a, k).compare(VectorOperators.GT, 0f);
            FloatVector.fromArray(LANES, d, k).mul(zero.blend(one, positive)).intoArray(d, k);
        }
    }
}
