package org.neurotile.neuron.rules.directional;

import java.util.Optional;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.rules.RuleTraining;
import org.neurotile.sim.random.RandomStreams;

/**
 * Directional dfa in training: before each example's deltas, B_l is updated along directions from
 * the stream {@link DirectionalFeedback#streamName} of the example's position, and the deltas are
 * dfa's through the updated B_l, which a checkpoint keeps.
 */
record DirectionalTraining(DirectionalFeedback learning, Feedback learned, Optimizer optimizer)
        implements RuleTraining {

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
        learning.learn(model, pass, learned, streams.stream(DirectionalFeedback.streamName(epoch, example)));
    }
}
