package org.neurotile.neuron.train;

import java.util.Optional;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.RuleTraining.StepKind;
import org.neurotile.neuron.rules.RuleTraining;
import org.neurotile.sim.random.RandomStreams;

/**
 * The values of one training step (float64): the initial model from the seed, the forward pass,
 * the rule's deltas and the SGD update (or the optimizer the rule brings); bp when there is no
 * feedback.
 */
public record FunctionalStep(Model before, Model after, Optional<Feedback> feedback, double[] input, int label,
                             double learningRate, ForwardPass pass, double[][] deltas, double lossAfter) {

    /**
     * The first step of a rule as the chip runs it, through the training's {@link StepEngine} as
     * step 0 of epoch 1 under {@code seed}: with learned feedback (directional dfa) B_l is first
     * updated and the step uses the updated B_l; hybrid takes the kind of step its spec simulates
     * (bp with {@code step=bp}) and applies it with split momentum from zero velocities, so a
     * feedback step moves the weights by gamma lr g. The feedback is empty for a bp step.
     */
    public static FunctionalStep run(Model initial, LearningRule rule, long seed, double[] input, int label,
                                     double learningRate, boolean biases) {
        Model after = initial.copy();
        Quantization none = Quantization.none();
        RuleTraining training = rule.training(new RuleTraining.Run(initial, seed,
                Optimizer.Settings.of(OptimizerCost.SGD), biases, none, true));
        StepEngine engine = new StepEngine(training, none, new RandomStreams(seed), null);
        StepKind kind = engine.begin(1, 0);
        ForwardPass pass = engine.forward(after, input, label);
        double[][] deltas = engine.deltas(after, pass, kind, 1, 0);
        engine.apply(after, pass, deltas, learningRate);
        engine.end(after, learningRate);
        double lossAfter = ForwardPass.run(after, input, label).loss();
        return new FunctionalStep(initial, after, kind == StepKind.BACKPROP ? Optional.empty() : training.feedback(),
                input.clone(), label, learningRate, pass, deltas, lossAfter);
    }
}
