package org.neurotile.neuron.math;

import java.util.Locale;

/** How a value between two representable fixed-point values is rounded. */
public enum Rounding {
    /** To the nearer one; a tie goes to the even one (IEEE's default, {@link Math#rint}). */
    NEAREST,
    /**
     * Up with probability equal to the distance from the lower one in steps, else down: unbiased in
     * the mean, so updates smaller than a step still count on average.
     */
    STOCHASTIC;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
