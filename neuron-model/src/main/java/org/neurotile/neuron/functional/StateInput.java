package org.neurotile.neuron.functional;

import java.io.DataInputStream;
import java.io.IOException;

/** Reads what {@link StateOutput} wrote into arrays of the same shapes; a shape mismatch is an error. */
public final class StateInput {
    private final DataInputStream in;

    StateInput(DataInputStream in) {
        this.in = in;
    }

    public long longValue() throws IOException {
        return in.readLong();
    }

    public void arrays(double[][] arrays) throws IOException {
        for (double[] array : arrays) {
            if (array != null) {
                expectLength(array.length);
                for (int k = 0; k < array.length; k++) {
                    array[k] = in.readDouble();
                }
            }
        }
    }

    /** What {@link StateOutput#arrays(float[][])} wrote: float32 values written as doubles. */
    public void arrays(float[][] arrays) throws IOException {
        for (float[] array : arrays) {
            if (array != null) {
                expectLength(array.length);
                for (int k = 0; k < array.length; k++) {
                    array[k] = (float) in.readDouble();
                }
            }
        }
    }

    private void expectLength(int expected) throws IOException {
        int length = in.readInt();
        if (length != expected) {
            throw new IOException("an array of " + length + " values where " + expected + " were expected");
        }
    }
}
