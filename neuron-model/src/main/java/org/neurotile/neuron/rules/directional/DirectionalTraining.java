package org.neurotile.neuron.rules.directional;

import java.util.Optional;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.rules.RuleTraining;
import org.neurotile.sim.random.RandomStreams;

/**
 * Directional dfa in training: before each example's deltas the directions are drawn from the
 * stream {@link DirectionalFeedback#streamName} of the example's position; the deltas are dfa's
 * through B_l as it stands, and then B_l is updated along those directions (a checkpoint keeps it).
 */
final class DirectionalTraining implements RuleTraining {
    private final DirectionalFeedback learning;
    private final Feedback learned;
    private final Optimizer optimizer;
    private DirectionalFeedback.Directions pending; // the example's directions, until its deltas are formed

    DirectionalTraining(DirectionalFeedback learning, Feedback learned, Optimizer optimizer) {
        this.learning = learning;
        this.learned = learned;
        this.optimizer = optimizer;
    }

    @Override
    public Optimizer optimizer() {
        return optimizer;
    }

    @Override
    public Optional<Feedback> feedback() {
        return Optional.of(learned);
    }

    @Override
    public Optional<Feedback> learnedFeedback() {
        return Optional.of(learned);
    }

    @Override
    public void beforeDeltas(Model model, ForwardPass pass, RandomStreams streams, int epoch, int example) {
        pending = learning.directions(model, pass, streams.stream(DirectionalFeedback.streamName(epoch, example)));
    }

    @Override
    public double[][] deltas(Model model, ForwardPass pass, StepKind kind, Quantization q) {
        double[][] deltas = RuleTraining.super.deltas(model, pass, kind, q);
        if (pending != null) {
            learning.update(model, learned, pending);
            pending = null;
        }
        return deltas;
    }
}
