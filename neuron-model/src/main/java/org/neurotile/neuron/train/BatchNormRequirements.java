package org.neurotile.neuron.train;

import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkSpec;

/** What a run of a network with batch normalisation must be, checked before anything is built. */
final class BatchNormRequirements {
    private BatchNormRequirements() {
    }

    /**
     * A batch-normalised layer learns from minibatches of float32 or float64 values: not example by
     * example (its statistics need a batch), not in fixed point, and not with what reads one
     * example's gradient alone (clipping, alignment diagnostics).
     */
    static void check(Trainer.Settings settings) {
        NetworkSpec network = settings.network();
        int normalised = LayerKernels.of(network).firstNormalising();
        if (normalised == 0) {
            return;
        }
        String layer = "layer " + normalised + " of " + network.name() + " has batch normalisation";
        if (settings.batch() < 2) {
            throw new InvalidInputException("--batch " + settings.batch() + ": " + layer
                    + ", which needs a minibatch's statistics; use --batch 2 or more");
        }
        if (settings.numbers().quantizes()) {
            throw new InvalidInputException("--numbers: " + layer + ", which trains in float32 or float64 only");
        }
        if (settings.clipNorm() > 0) {
            throw new InvalidInputException("--clip-norm: " + layer
                    + ", whose examples share their gradients; train it without --clip-norm");
        }
        if (settings.alignment()) {
            throw new InvalidInputException("--alignment: " + layer
                    + ", whose examples share their gradients; train it without --alignment");
        }
    }
}
