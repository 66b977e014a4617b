package org.neurotile.neuron.train;

import java.util.List;
import java.util.Locale;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.Weights;

/**
 * Divergence without a NaN: a test loss that has grown by {@link #FACTOR} or more over the lower of
 * chance's loss (ln n_L, what a uniform prediction scores) and the best test loss so far, and is at
 * least chance's loss over {@link #FACTOR}: below that the predictions are all but certain and right,
 * and a loss of 1e-9 after 1e-11 is rounding, not divergence. Training stops there, naming the layer
 * whose weights grew most during the epoch, rather than going on with a network that predicts nothing.
 */
final class LossGrowth {
    /** Two orders of magnitude: overfitting raises a test loss by a small factor, divergence by many. */
    static final double FACTOR = 100;

    private final Model model;
    private final double chanceLoss;
    private double[] epochStartNorms;

    LossGrowth(Model model) {
        this.model = model;
        this.chanceLoss = Math.log(model.network().outputs());
    }

    /** Notes the weights' size as an epoch starts. */
    void epochStarts() {
        epochStartNorms = norms();
    }

    /**
     * The reason to stop after {@code result}, given the epochs before it, or null to go on.
     */
    String check(EpochResult result, List<EpochResult> before) {
        double reference = chanceLoss;
        int bestEpoch = 0;
        for (EpochResult earlier : before) {
            if (earlier.testLoss() < reference) {
                reference = earlier.testLoss();
                bestEpoch = earlier.epoch();
            }
        }
        if (!(result.testLoss() >= FACTOR * reference && result.testLoss() >= chanceLoss / FACTOR)) {
            return null;
        }
        double[] now = norms();
        int layer = 1;
        for (int l = 1; l < now.length; l++) {
            if (growth(l, now) > growth(layer, now)) {
                layer = l;
            }
        }
        return String.format(Locale.ROOT, "the test loss grew to %.3g, over %.0f times %s (%.3g), without a NaN; "
                        + "layer %d's weights grew most in the epoch (L2 norm %.3g -> %.3g)", result.testLoss(), FACTOR,
                bestEpoch == 0 ? "chance's loss ln(n_L)" : "epoch " + bestEpoch + "'s", reference, layer,
                epochStartNorms[layer], now[layer]);
    }

    private double growth(int layer, double[] now) {
        double start = epochStartNorms[layer];
        return start > 0 ? now[layer] / start : now[layer] > 0 ? Double.POSITIVE_INFINITY : 1;
    }

    private double[] norms() {
        int layers = model.network().layerCount();
        double[] norms = new double[layers + 1];
        for (int l = 1; l <= layers; l++) {
            Weights w = model.liveWeights(l);
            double sum = 0;
            for (int k = 0; k < w.length(); k++) {
                double v = w.get(k);
                sum += v * v;
            }
            norms[l] = Math.sqrt(sum);
        }
        return norms;
    }
}
