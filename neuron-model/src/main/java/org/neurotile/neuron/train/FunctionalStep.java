package org.neurotile.neuron.train;

import java.util.Optional;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.math.Feedback;
import org.neurotile.neuron.math.ForwardPass;
import org.neurotile.neuron.math.LearningStep;
import org.neurotile.neuron.math.Model;
import org.neurotile.neuron.math.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.directional.DirectionalFeedback;
import org.neurotile.neuron.rules.hybrid.HybridRule;
import org.neurotile.sim.random.RandomStreams;

/**
 * The values of one training step (float64): the initial model from the seed, the forward pass,
 * the rule's deltas and the SGD update (hybrid: split momentum); bp when there is no feedback.
 */
public record FunctionalStep(Model before, Model after, Optional<Feedback> feedback, double[] input, int label,
                             double learningRate, ForwardPass pass, double[][] deltas, double lossAfter) {

    /**
     * The first step of a rule as the chip runs it: with learned feedback (directional dfa) B_l is
     * first updated along directions from the stream {@link DirectionalFeedback#streamName} (epoch
     * 1, step 0) under {@code seed}, and the step uses the updated B_l; hybrid takes the kind of step
     * its spec simulates (bp with {@code step=bp}) and applies it with split momentum from zero
     * velocities, so a feedback step moves the weights by gamma lr g.
     */
    public static FunctionalStep run(Model initial, LearningRule rule, long seed, double[] input, int label,
                                     double learningRate, boolean biases) {
        Model after = initial.copy();
        boolean backpropStep = rule instanceof HybridRule hybrid && hybrid.backpropStep();
        Optional<Feedback> rounded = rule.feedback(initial.network(), initial, seed)
                .map(f -> f.rounded(initial.precision()));
        ForwardPass pass = ForwardPass.run(after, input, label);
        Optional<DirectionalFeedback> learning = rule.learnedFeedback();
        if (learning.isPresent() && rounded.isPresent()) {
            learning.get().learn(after, pass, rounded.get(),
                    new RandomStreams(seed).stream(DirectionalFeedback.streamName(1, 0)));
        }
        double[][] deltas = rounded.isPresent() && !backpropStep
                ? LearningStep.feedbackDeltas(after, rounded.get(), pass)
                : LearningStep.backpropDeltas(after, pass);
        Optimizer optimizer = rule.hybridSchedule()
                .map(h -> Optimizer.splitMomentum(after, biases, 0, h.gamma()))
                .orElseGet(() -> Optimizer.create(Optimizer.Settings.of(OptimizerCost.SGD), after, biases));
        optimizer.step(after, pass, deltas, learningRate, backpropStep);
        double lossAfter = ForwardPass.run(after, input, label).loss();
        return new FunctionalStep(initial, after, backpropStep ? Optional.empty() : rounded, input.clone(), label,
                learningRate, pass, deltas, lossAfter);
    }
}
