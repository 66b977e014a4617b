package org.neurotile.neuron.train;

import org.neurotile.neuron.functional.DenseBatch;
import org.neurotile.neuron.rules.RuleTraining.StepKind;
import org.neurotile.workloads.data.Dataset;

/**
 * The blocks of examples of a float32 dense network ({@link DenseBatch}): a training step's, each
 * example checked as {@link Trainer} checks a pass, and the evaluation's.
 */
final class DenseBlocks {
    /** The error of example n (data index {@code example}) of an epoch, at a layer holding a non-finite value. */
    interface Divergence {
        TrainingDiverged at(int epoch, int n, int example, int layer, String what);
    }

    private DenseBlocks() {
    }

    /**
     * Reads examples {@code first..last-1} of {@code data} (their indices in {@code order}, or
     * themselves where order is null) into the batch's inputs and {@code labels}.
     */
    static void read(DenseBatch batch, Dataset data, int[] order, int first, int last, int[] labels) {
        data.copyInputsByUnit(order, first, last - first, batch.inputs());
        for (int m = first; m < last; m++) {
            labels[m - first] = data.label(order == null ? m : order[m]);
        }
    }

    /**
     * The forward pass, deltas and gradient sums of examples {@code first..last-1} of the epoch's
     * order, each example's loss and deltas checked; returns {@code loss} plus their losses, added
     * one by one in example order. {@code wholeBatch}: the block is the whole minibatch.
     */
    static double train(StepEngine engine, DenseBatch dense, Dataset train, int[] order, int first, int last,
                        boolean wholeBatch, int[] labels, StepKind kind, int epoch, double loss,
                        int layers, Divergence diverged) {
        int count = last - first;
        read(dense, train, order, first, last, labels);
        engine.forward(dense, labels, count);
        engine.deltas(dense, kind);
        if (!dense.finite()) { // the first example with a non-finite loss or delta, as per-example steps find it
            for (int m = first; m < last; m++) {
                int k = m - first;
                if (!Double.isFinite(dense.loss(k))) {
                    int layer = dense.firstNonFiniteLayer(k);
                    throw diverged.at(epoch, m, order[m], layer > 0 ? layer : layers, "the loss is " + dense.loss(k));
                }
                double[] bad = dense.firstNonFiniteDelta(k);
                if (bad != null) {
                    throw diverged.at(epoch, m, order[m], (int) bad[0], "its error is " + bad[1]);
                }
            }
        }
        loss = addLosses(dense, count, loss);
        engine.apply(dense, wholeBatch);
        return loss;
    }

    /** {@code loss} plus the losses of the batch's first {@code count} examples, added in order. */
    static double addLosses(DenseBatch batch, int count, double loss) {
        for (int m = 0; m < count; m++) {
            loss += batch.loss(m);
        }
        return loss;
    }

    /** How many of the batch's first {@code count} examples it classes as {@code labels} says. */
    static long correct(DenseBatch batch, int[] labels, int count) {
        long correct = 0;
        for (int m = 0; m < count; m++) {
            correct += batch.predicted(m) == labels[m] ? 1 : 0;
        }
        return correct;
    }
}
