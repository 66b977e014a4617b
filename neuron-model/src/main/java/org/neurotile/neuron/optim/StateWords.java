package org.neurotile.neuron.optim;

import java.io.IOException;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.functional.StateInput;
import org.neurotile.neuron.functional.StateOutput;
import org.neurotile.neuron.math.Precision;

/**
 * One optimizer state word per weight of every layer (index 1..L), in the step's precision:
 * float32 words as floats, which halves what a step reads and writes beside the weights, float64
 * words as doubles. Saved as doubles either way (a float32 value converts exactly), so a
 * checkpoint's bytes do not depend on how the words are held.
 */
public final class StateWords {
    private final float[][] floats;   // float32, else null
    private final double[][] doubles; // float64, else null

    private StateWords(float[][] floats, double[][] doubles) {
        this.floats = floats;
        this.doubles = doubles;
    }

    /** Zeros, one per weight of every layer of {@code model}'s network, in its precision. */
    public static StateWords perWeight(Model model) {
        int layers = model.network().layerCount();
        if (model.precision() == Precision.FLOAT32) {
            float[][] words = new float[layers + 1][];
            for (int l = 1; l <= layers; l++) {
                words[l] = new float[(int) model.network().weights(l)];
            }
            return new StateWords(words, null);
        }
        return new StateWords(null, Optimizer.perWeight(model.network()));
    }

    /** Layer l's words, float32 state only. */
    public float[] floats(int layer) {
        return floats[layer];
    }

    /** Layer l's words, float64 state only. */
    public double[] doubles(int layer) {
        return doubles[layer];
    }

    public double get(int layer, int k) {
        return floats != null ? floats[layer][k] : doubles[layer][k];
    }

    /** Stores {@code value}, a value of the precision. */
    public void set(int layer, int k, double value) {
        if (floats != null) {
            floats[layer][k] = (float) value;
        } else {
            doubles[layer][k] = value;
        }
    }

    public void write(StateOutput out) throws IOException {
        if (floats != null) {
            out.arrays(floats);
        } else {
            out.arrays(doubles);
        }
    }

    public void read(StateInput in) throws IOException {
        if (floats != null) {
            in.arrays(floats);
        } else {
            in.arrays(doubles);
        }
    }
}
