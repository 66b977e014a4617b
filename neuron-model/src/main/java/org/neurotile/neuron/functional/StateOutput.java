package org.neurotile.neuron.functional;

import java.io.DataOutputStream;
import java.io.IOException;

/** Writes training state as big-endian binary: arrays of doubles with their lengths. */
public final class StateOutput {
    private final DataOutputStream out;

    StateOutput(DataOutputStream out) {
        this.out = out;
    }

    public void longValue(long value) throws IOException {
        out.writeLong(value);
    }

    /** Every non-null array of a per-layer array, with its length. */
    public void arrays(double[][] arrays) throws IOException {
        for (double[] array : arrays) {
            if (array != null) {
                out.writeInt(array.length);
                for (double value : array) {
                    out.writeDouble(value);
                }
            }
        }
    }

    /** Float arrays as {@link #arrays(double[][])} writes doubles: each value as a double (exactly). */
    public void arrays(float[][] arrays) throws IOException {
        for (float[] array : arrays) {
            if (array != null) {
                out.writeInt(array.length);
                for (float value : array) {
                    out.writeDouble(value);
                }
            }
        }
    }
}
