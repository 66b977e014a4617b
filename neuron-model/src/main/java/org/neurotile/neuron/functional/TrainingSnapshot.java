package org.neurotile.neuron.functional;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.neurotile.neuron.math.RoundingNoise;

/**
 * The model's weights and biases, the optimizer's state ({@link SavedState}), any learned feedback
 * and the draws of the rounding noise as binary, for checkpoints. Values are written as float64
 * (float32 values convert exactly), so a restored run continues bit for bit.
 */
public final class TrainingSnapshot {
    private TrainingSnapshot() {
    }

    /** With the learned feedback matrices (directional dfa), if not null. */
    public static void write(Model model, SavedState optimizer, Feedback learned, RoundingNoise noise,
                             DataOutputStream out)
            throws IOException {
        StateOutput state = new StateOutput(out);
        double[][] weights = new double[model.weights.length][];
        for (int l = 1; l < weights.length; l++) {
            weights[l] = model.weights[l].toDoubles();
        }
        state.arrays(weights);
        state.arrays(model.biases);
        optimizer.writeState(state);
        if (learned != null) {
            state.arrays(learned.matrices);
        }
        state.longValue(noise.draws());
    }

    /** Restores what {@link #write} wrote. */
    public static void read(Model model, SavedState optimizer, Feedback learned, RoundingNoise noise,
                            DataInputStream in)
            throws IOException {
        StateInput state = new StateInput(in);
        double[][] weights = new double[model.weights.length][];
        for (int l = 1; l < weights.length; l++) {
            weights[l] = new double[model.weights[l].length()];
        }
        state.arrays(weights);
        for (int l = 1; l < weights.length; l++) {
            for (int k = 0; k < weights[l].length; k++) {
                model.weights[l].set(k, weights[l][k]);
            }
        }
        state.arrays(model.biases);
        optimizer.readState(state);
        if (learned != null) {
            state.arrays(learned.matrices);
            learned.matricesWritten();
        }
        noise.restore(state.longValue());
    }
}
