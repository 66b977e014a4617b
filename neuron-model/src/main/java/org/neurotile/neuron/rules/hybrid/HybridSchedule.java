package org.neurotile.neuron.rules.hybrid;

import org.neurotile.neuron.rules.StepMix;
import org.neurotile.sim.random.RandomStreams;

/**
 * Hybrid dfa's draw (Han et al.): each step (an example, or a minibatch) is a bp update with
 * probability {@code bpProbability}, else a feedback (dfa or binary-dfa) update; the two kinds keep
 * separate momentum and a feedback step applies u = gamma v_dfa + (1 - gamma) v_bp (see
 * {@link SplitMomentum}). Step s of epoch e draws one uniform number from the stream
 * {@code hybrid.epoch[e].step[s]}, so a step's kind depends only on the seed and its position: reproducible, and the same on resume.
 */
public record HybridSchedule(double bpProbability, double gamma) {
    public HybridSchedule {
        if (!(bpProbability >= 0 && bpProbability <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + bpProbability);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
    }

    /** Whether step {@code step} (0-based) of epoch {@code epoch} is a bp step. */
    public boolean backpropStep(RandomStreams streams, int epoch, int step) {
        return streams.stream("hybrid.epoch[" + epoch + "].step[" + step + "]").nextDouble() < bpProbability;
    }

    /** How many of the first {@code steps} steps of an epoch are bp steps. */
    public long backpropSteps(RandomStreams streams, int epoch, int steps) {
        return drawn(streams, epoch, steps, 1).otherSteps();
    }

    /** The draws of an epoch of {@code examples} in minibatches of {@code batch} (the last may be smaller). */
    public StepMix.Drawn drawn(RandomStreams streams, int epoch, int examples, int batch) {
        long steps = 0;
        long held = 0;
        for (int first = 0; first < examples; first += batch) {
            if (backpropStep(streams, epoch, first / batch)) {
                steps++;
                held += Math.min(batch, examples - first);
            }
        }
        return new StepMix.Drawn(steps, held);
    }
}
