package org.neurotile.neuron.rules.convdfa;

import org.apache.commons.rng.UniformRandomProvider;
import org.neurotile.neuron.functional.ConvFeedback;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.rules.feedback.FeedbackInit;
import org.neurotile.neuron.rules.feedback.FixedFeedback;
import org.neurotile.sim.random.RandomStreams;
import org.neurotile.workloads.TensorShape;

/**
 * conv-dfa's feedback: dfa's dense B_l where the source or the layer is not a convolution (drawn
 * as {@link FixedFeedback#dense} draws it, so one module is dfa bit for bit), a convolution
 * ({@link ConvFeedback}) where both are, its kernels drawn from the same stream
 * {@code feedback.layer[l]}: uniform in [-b, b] with b = 1/sqrt((C_s/G) K^2), the feedback
 * convolution's fan-in ({@code crafton}), or b = 1/sqrt(n_s), n_s the source's deltas (the spec's
 * {@code uniform}). With sign every entry becomes +b or -b by its sign (0: +b), as binary-dfa's
 * S_l = s_l sign(B_l) with s_l the bound of the feedback it stands in for.
 */
final class ConvFeedbackDraw {
    private ConvFeedbackDraw() {
    }

    static Feedback draw(ConvDfaLayout layout, long seed, FeedbackInit init, boolean sign) {
        int layers = layout.network().layerCount();
        Feedback dense = FixedFeedback.dense(layout.network(), layout.modules(), seed, init,
                l -> !layout.convolved()[l]);
        double[][] matrices = new double[layers + 1][];
        ConvFeedback[] convolutions = new ConvFeedback[layers + 1];
        RandomStreams streams = new RandomStreams(seed);
        for (int l = 1; l < layers; l++) {
            if (layout.sources()[l] == 0) {
                continue;
            }
            if (layout.convolved()[l]) {
                convolutions[l] = convolution(layout, l, streams.stream("feedback.layer[" + l + "]"), init, sign);
            } else {
                matrices[l] = dense.matrix(l);
                if (sign) {
                    int columns = FixedFeedback.deltas(layout.network(), layout.sources()[l]);
                    signs(matrices[l], init.denseBound(layout.network().neurons(l), columns));
                }
            }
        }
        return Feedback.of(layout.sources(), matrices, convolutions);
    }

    private static ConvFeedback convolution(ConvDfaLayout layout, int l, UniformRandomProvider random,
                                            FeedbackInit init, boolean sign) {
        ConvFeedbackShape shape = layout.shape();
        TensorShape source = ConvDfaLayout.sourceMap(layout.network(), layout.sources()[l]);
        TensorShape target = layout.target(l);
        long taps = shape.taps(source.channels());
        double bound = init == FeedbackInit.CRAFTON ? 1 / Math.sqrt(taps) : 1 / Math.sqrt(source.size());
        double[] kernels = Model.uniform(random, Math.toIntExact(target.channels() * taps), bound);
        if (sign) {
            signs(kernels, bound);
        }
        return new ConvFeedback(source, target, shape.kernel(), shape.dilation(), shape.groups(), kernels);
    }

    private static void signs(double[] values, double magnitude) {
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] < 0 ? -magnitude : magnitude;
        }
    }
}
