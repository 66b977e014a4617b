package org.neurotile.neuron.rules;

import java.util.Optional;
import org.neurotile.neuron.functional.DenseBatch;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.LearningStep;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Workers;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.sim.random.RandomStreams;

/**
 * What a rule brings to a run of training steps, created once per run by
 * {@link LearningRule#training}: its feedback, the kind of each step, a hook before the deltas, the
 * deltas and the optimizer it needs. The step engine calls, per step, {@link #beginStep}, then per
 * example {@link #beforeDeltas} and {@link #deltas}, then the optimizer.
 */
public interface RuleTraining {

    /** A step's kind: the rule's own deltas, or bp's (hybrid's drawn bp steps). */
    enum StepKind { RULE, BACKPROP }

    /**
     * A run as the rule needs it: the initial weights and the seed its feedback is drawn from, the
     * optimizer the run chose, and the number formats its optimizer stores weights in.
     *
     * @param simulatedStep whether the run is the one step the chip simulates for the rule's spec
     *     rather than a training run: a rule whose steps are of several kinds takes the kind its
     *     spec names, and an optimizer it brings starts from zero state whatever the run chose
     */
    record Run(Model initial, long seed, Optimizer.Settings optimizer, boolean biases, Quantization quantization,
               boolean simulatedStep) {

        /** The rule's fixed feedback drawn for this run, rounded to the model's precision. */
        public Optional<Feedback> feedback(LearningRule rule) {
            return rule.feedback(initial.network(), initial, seed).map(f -> f.rounded(initial.precision()));
        }

        /** The optimizer the run chose. */
        public Optimizer chosenOptimizer() {
            return Optimizer.create(optimizer, initial, biases, quantization);
        }
    }

    /** The feedback matrices the deltas use; empty for bp, which feeds back the forward weights. */
    Optional<Feedback> feedback();

    /** The feedback matrices that training changes and a checkpoint keeps; empty where they are fixed. */
    default Optional<Feedback> learnedFeedback() {
        return Optional.empty();
    }

    /** Begins step {@code step} (0-based: an example or a minibatch) of epoch {@code epoch} and says its kind. */
    default StepKind beginStep(RandomStreams streams, int epoch, int step) {
        return StepKind.RULE;
    }

    /** Runs before the deltas of example {@code example} (0-based in the epoch's order) of epoch {@code epoch}. */
    default void beforeDeltas(Model model, ForwardPass pass, RandomStreams streams, int epoch, int example) {
    }

    /** An example's deltas: through the feedback in a step of the rule's own kind, else bp's. */
    default double[][] deltas(Model model, ForwardPass pass, StepKind kind, Quantization q) {
        Optional<Feedback> feedback = feedback();
        return feedback.isPresent() && kind == StepKind.RULE
                ? LearningStep.feedbackDeltas(model, feedback.get(), pass, q)
                : LearningStep.backpropDeltas(model, pass, q);
    }

    /**
     * Whether {@link #deltas(Model, ForwardPass[], int, StepKind, Quantization)} may compute a
     * minibatch's deltas together: only for a rule without a hook per example, which says so.
     */
    default boolean batchesDeltas() {
        return false;
    }

    /**
     * The deltas of examples {@code m < count} of a minibatch, with the bits of {@link #deltas} for
     * each, for a rule that {@link #batchesDeltas}; the quantization's rounding draws no noise. The
     * products may be shared among {@code workers}.
     */
    default double[][][] deltas(Model model, ForwardPass[] passes, int count, StepKind kind, Quantization q,
                                Workers workers) {
        Optional<Feedback> feedback = feedback();
        return feedback.isPresent() && kind == StepKind.RULE
                ? LearningStep.feedbackDeltas(model, feedback.get(), passes, count, q, workers)
                : LearningStep.backpropDeltas(model, passes, count, q, workers);
    }

    /**
     * The deltas of a dense float32 minibatch ({@link DenseBatch}), with the bits of
     * {@link #deltas(Model, ForwardPass[], int, StepKind, Quantization, Workers)}: a rule that
     * overrides that method overrides this one too.
     */
    default void deltas(DenseBatch batch, StepKind kind) {
        batch.deltas(kind == StepKind.RULE ? feedback() : Optional.empty());
    }

    /** The optimizer that applies the deltas, for the whole run. */
    Optimizer optimizer();

    /** A rule's fixed feedback (none: bp) with the optimizer the run chose. */
    static RuleTraining fixed(LearningRule rule, Run run) {
        Optional<Feedback> feedback = run.feedback(rule);
        Optimizer optimizer = run.chosenOptimizer();
        return new RuleTraining() {
            @Override
            public Optional<Feedback> feedback() {
                return feedback;
            }

            @Override
            public Optimizer optimizer() {
                return optimizer;
            }

            @Override
            public boolean batchesDeltas() {
                return true;
            }
        };
    }
}
