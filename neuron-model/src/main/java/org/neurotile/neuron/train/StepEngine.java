package org.neurotile.neuron.train;

import org.neurotile.neuron.functional.BatchGradient;
import org.neurotile.neuron.functional.DenseBatch;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.LearningStep;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Workers;
import org.neurotile.neuron.rules.RuleTraining.StepKind;
import org.neurotile.neuron.rules.RuleTraining;
import org.neurotile.sim.random.RandomStreams;

/**
 * One training step, the same code for a training run ({@link Trainer}) and the chip's single step
 * ({@link FunctionalStep}): {@link #begin} (the rule says the step's kind), per example
 * {@link #forward} and {@link #deltas} (the rule's hook, then its deltas) and {@link #apply}, then
 * {@link #end}. The optimizer steps once per example, or with a minibatch once at the end with the
 * mean of the batch's gradients; with clipping, each example's gradient is clipped before it is
 * applied or joins the batch. The rule supplies everything that differs.
 */
final class StepEngine {
    private final RuleTraining rule;
    private final Quantization quantization;
    private final RandomStreams streams;
    private final BatchGradient gradient; // null with batch 1: each example steps the optimizer
    private final GradientClip clip; // null: no clipping
    private final Workers workers;

    /** With {@code gradient} null, one example per step; without clipping. */
    StepEngine(RuleTraining rule, Quantization quantization, RandomStreams streams, BatchGradient gradient) {
        this(rule, quantization, streams, gradient, null, Workers.single());
    }

    /** With {@code clip} null, gradients are applied as they are. */
    StepEngine(RuleTraining rule, Quantization quantization, RandomStreams streams, BatchGradient gradient,
               GradientClip clip, Workers workers) {
        this.workers = workers;
        this.rule = rule;
        this.quantization = quantization;
        this.streams = streams;
        this.gradient = gradient;
        this.clip = clip;
    }

    /** Begins step {@code step} (0-based) of epoch {@code epoch}. */
    StepKind begin(int epoch, int step) {
        return rule.beginStep(streams, epoch, step);
    }

    /** Whether one example goes through the minibatch path, so that a BLAS computes its products too. */
    private boolean exampleAsBatch() {
        return !workers.products().fixedOrder() && batches();
    }

    /** One example's forward pass: under a BLAS, as a minibatch of one. */
    ForwardPass forward(Model model, double[] input, int label) {
        if (exampleAsBatch()) {
            return ForwardPass.runBatch(model, new double[][] {input}, new int[] {label}, 1, quantization, workers,
                    true)[0];
        }
        return ForwardPass.run(model, input, label, quantization);
    }

    /**
     * Whether the examples of a minibatch may go through the forward pass and the deltas together:
     * not when rounding draws noise, whose draws must follow the examples one by one.
     */
    boolean batches() {
        return !quantization.roundingDrawsNoise();
    }

    /** The forward passes of a minibatch's first {@code count} examples ({@link #batches} only). */
    ForwardPass[] forward(Model model, double[][] inputs, int[] labels, int count) {
        return ForwardPass.runBatch(model, inputs, labels, count, quantization, workers, true);
    }

    /**
     * The deltas of a minibatch's first {@code count} examples, the first being example
     * {@code first} of the epoch's order ({@link #batches} only): together where the rule allows
     * it, else example by example, each after the rule's hook, and then the batch-normalised layers'
     * deltas coupled (the rule's deltas of one layer then do not depend on another's).
     */
    double[][][] deltas(Model model, ForwardPass[] passes, int count, StepKind kind, int epoch, int first) {
        if (rule.batchesDeltas()) {
            return rule.deltas(model, passes, count, kind, quantization, workers);
        }
        double[][][] deltas = new double[count][][];
        for (int m = 0; m < count; m++) {
            deltas[m] = deltas(model, passes[m], kind, epoch, first + m);
        }
        for (int l = 1; l <= model.network().layerCount(); l++) {
            LearningStep.normalise(model, passes, deltas, l, count);
        }
        return deltas;
    }

    /** The deltas of example {@code example} (0-based in the epoch's order) in a step of {@code kind}. */
    double[][] deltas(Model model, ForwardPass pass, StepKind kind, int epoch, int example) {
        if (exampleAsBatch() && rule.batchesDeltas()) {
            return rule.deltas(model, new ForwardPass[] {pass}, 1, kind, quantization, workers)[0];
        }
        rule.beforeDeltas(model, pass, streams, epoch, example);
        return rule.deltas(model, pass, kind, quantization);
    }

    /** The forward pass of a dense minibatch's first {@code count} examples. */
    void forward(DenseBatch batch, int[] labels, int count) {
        batch.forward(labels, count);
    }

    /** The deltas of a dense minibatch's block, computed together (the rule {@link RuleTraining#batchesDeltas}). */
    void deltas(DenseBatch batch, StepKind kind) {
        rule.deltas(batch, kind);
    }

    /** A dense minibatch's block joins the batch (no clipping); {@code wholeBatch}: it is the whole minibatch. */
    void apply(DenseBatch batch, boolean wholeBatch) {
        gradient.add(batch, wholeBatch);
    }

    /** Whether a minibatch may go through {@link DenseBatch}: its rule's deltas batch, nothing is clipped. */
    boolean takesDenseBatches(Model model) {
        return gradient != null && clip == null && batches() && rule.batchesDeltas()
                && DenseBatch.supports(model, quantization);
    }

    /** Applies an example's deltas: the optimizer steps now with one example per step, else they join the batch. */
    void apply(Model model, ForwardPass pass, double[][] deltas, double learningRate) {
        double[][] applied = clip == null ? deltas : clip.clip(model, pass, deltas);
        if (gradient == null) {
            rule.optimizer().step(model, pass, applied, learningRate);
        } else {
            gradient.add(pass, applied);
        }
    }

    /** The examples whose gradient was clipped since the last call (0 without clipping). */
    long takeClipped() {
        return clip == null ? 0 : clip.take();
    }

    /** Ends a step: with a minibatch, the optimizer steps with the mean of its gradients. */
    void end(Model model, double learningRate) {
        if (gradient != null) {
            rule.optimizer().step(model, gradient, learningRate);
        }
    }
}
