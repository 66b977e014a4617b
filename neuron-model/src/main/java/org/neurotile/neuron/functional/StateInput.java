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
                int length = in.readInt();
                if (length != array.length) {
                    throw new IOException("an array of " + length + " values where " + array.length + " were expected");
                }
                for (int k = 0; k < length; k++) {
                    array[k] = in.readDouble();
                }
            }
        }
    }
}
