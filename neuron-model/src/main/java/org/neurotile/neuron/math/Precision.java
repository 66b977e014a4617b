package org.neurotile.neuron.math;

import java.util.Locale;
import org.neurotile.sim.InvalidInputException;

/**
 * The number format of the step's values. FLOAT32 rounds the result of every multiplication,
 * addition and activation to float32, as float32 hardware (or NumPy's float32) would; weights are
 * stored as float32, other values in double arrays that hold float32 values. Activations, exp and
 * log are evaluated in float64 and rounded.
 *
 * <p>A dot product ({@link Weights}) sums in {@value #LANES} lanes, as a multiply-accumulate unit
 * with that many accumulators would: lane q adds the products of columns j = q mod {@value #LANES} in order, and the
 * lanes are combined as ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)). The order is fixed, so
 * results are bit-identical run to run; it differs from a left-to-right sum by rounding only.
 *
 * <p>FLOAT32 forms products and updates in double and rounds them, which gives IEEE float32 results
 * exactly: the product of two float32 values is exact in double, and a sum or difference of float32
 * values rounded first to double and then to float equals the float32 sum, since double carries
 * more than twice float's 24 bits plus two (Figueroa, "When is double rounding innocuous?", 1995).
 * On the JVM this is faster than converting each operand to float.
 */
public enum Precision {
    FLOAT32("<f4", "float32"),
    FLOAT64("<f8", "float64");

    /** The accumulators of a dot product. */
    public static final int LANES = 8;

    private final String dtype;
    private final String numpyName;

    Precision(String dtype, String numpyName) {
        this.dtype = dtype;
        this.numpyName = numpyName;
    }

    public double round(double value) {
        return this == FLOAT32 ? (float) value : value;
    }


    /** The NumPy dtype string, e.g. {@code <f4}. */
    public String dtype() {
        return dtype;
    }

    public String id() {
        return numpyName;
    }

    public static Precision byName(String name) {
        for (Precision precision : values()) {
            if (precision.id().equals(name.toLowerCase(Locale.ROOT))) {
                return precision;
            }
        }
        throw new InvalidInputException("unknown precision '" + name + "' (valid: float32, float64)");
    }
}
