package org.neurotile.neuron.math;

import java.util.Optional;
import org.neurotile.sim.random.RandomStreams;

/**
 * The values of one training step (float64): the initial model from the seed, the forward pass,
 * the rule's deltas and the SGD update; bp when there is no feedback.
 */
public record FunctionalStep(Model before, Model after, Optional<Feedback> feedback, double[] input, int label,
                             double learningRate, ForwardPass pass, double[][] deltas, double lossAfter) {

    public static FunctionalStep run(Model initial, Optional<Feedback> feedback, double[] input, int label,
                                     double learningRate, boolean biases) {
        return run(initial, feedback, Optional.empty(), 0, input, label, learningRate, biases);
    }

    /**
     * With learned feedback (directional dfa), B_l is first updated along directions from the stream
     * {@link DirectionalFeedback#streamName} (epoch 1, step 0) under {@code seed}; the step's feedback
     * is then the updated B_l.
     */
    public static FunctionalStep run(Model initial, Optional<Feedback> feedback, Optional<DirectionalFeedback> learning,
                                     long seed, double[] input, int label, double learningRate, boolean biases) {
        Model after = initial.copy();
        Optional<Feedback> rounded = feedback.map(f -> f.rounded(initial.precision()));
        ForwardPass pass = ForwardPass.run(after, input, label);
        if (learning.isPresent() && rounded.isPresent()) {
            learning.get().learn(after, pass, rounded.get(),
                    new RandomStreams(seed).stream(DirectionalFeedback.streamName(1, 0)));
        }
        double[][] deltas = rounded.isPresent()
                ? LearningStep.withFeedback(after, rounded.get(), pass, learningRate, biases)
                : LearningStep.backprop(after, pass, learningRate, biases);
        double lossAfter = ForwardPass.run(after, input, label).loss();
        return new FunctionalStep(initial, after, rounded, input.clone(), label, learningRate, pass, deltas,
                lossAfter);
    }
}
