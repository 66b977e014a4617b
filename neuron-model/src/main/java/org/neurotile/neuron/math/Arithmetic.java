package org.neurotile.neuron.math;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a float32 step's matrix products are computed. {@code fixed}: every sum in its documented
 * order, so the same seed gives the same bits on any machine and thread count. {@code fast}: the
 * minibatch products (and one example's, taken as a minibatch of one) by a BLAS's sgemm, whose
 * summation order and fused multiply-adds depend on the library and the CPU.
 */
public enum Arithmetic {
    FIXED("fixed"),
    FAST("fast");

    private final String id;

    Arithmetic(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The arithmetic named {@code name}; an unknown name fails with the option and the valid names. */
    public static Arithmetic byName(String name, String option) {
        for (Arithmetic a : values()) {
            if (a.id.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException(option + " must be one of " + Arrays.stream(values()).map(Arithmetic::id)
                .collect(Collectors.joining(", ")) + ", got '" + name + "'");
    }
}
