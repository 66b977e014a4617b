package org.neurotile.neuron.rules.directional;

import org.apache.commons.rng.UniformRandomProvider;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.rules.feedback.FeedbackBlocks;
import org.neurotile.neuron.rules.feedback.FixedFeedback;
import org.neurotile.sim.random.PolarGaussian;
import org.neurotile.workloads.NetworkSpec;

/**
 * Directional dfa's feedback, learned online (Bacho and Chu): along the forward pass a second
 * vector carries a random direction v_l ~ N(0, I) drawn per hidden layer and example,
 * d_0 = 0, d_l = (W_l d_{l-1}) * f'(a_l) + v_l, d_L = W_L d_{L-1} (no v at the output), so that
 * d_L = sum_l J_l v_l with J_l the derivative of a_L by a_l. After the pass
 * B_l &lt;- B_l + alpha (v_l d_L^T - B_l): since E[v_l v_l^T] = I, B_l tends to the average of
 * J_l^T, the path from layer l to the output that bp would use. B_l starts at 0. An example's
 * weight update is dfa's through B_l as it was before the example's own directions (the authors'
 * order, github.com/Florian-BACHO/FDFA): through the updated B_l it would carry
 * alpha v_l (d_L . e), the example's own forward gradient, whose variance the method avoids.
 * Through a batch-normalised layer the direction takes the derivative with the minibatch's
 * statistics held fixed, (W_l d_{l-1}) times scale / sqrt(var + eps): the authors' forward-mode
 * derivative also carries the statistics' own change, a batch mean of the directions, which is
 * left out so that each example's directions stay its own.
 */
public record DirectionalFeedback(double alpha) {
    public DirectionalFeedback {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
    }

    /** The random stream of the directions of step {@code step} (0-based) of epoch {@code epoch}. */
    public static String streamName(int epoch, int step) {
        return "directional.epoch[" + epoch + "].step[" + step + "]";
    }

    /** B_l = 0, n_l x n_L, for every trained hidden layer. */
    public static Feedback initial(NetworkSpec network) {
        return FixedFeedback.zero(network, FeedbackBlocks.directFeedback(network.layerCount()));
    }

    /** The directions v_l (null at the output) and d_L of one example: what {@link #update} needs. */
    public record Directions(double[][] v, double[] d) {
    }

    /**
     * The directional pass along directions drawn from {@code random} and the feedback update, in
     * the model's precision; returns d_L.
     */
    public double[] learn(Model model, ForwardPass pass, Feedback feedback, UniformRandomProvider random) {
        Directions directions = directions(model, pass, random);
        update(model, feedback, directions);
        return directions.d();
    }

    /** The directional pass along directions drawn from {@code random}, in the model's precision. */
    public Directions directions(Model model, ForwardPass pass, UniformRandomProvider random) {
        NetworkSpec network = model.network();
        Precision p = model.precision();
        int layers = network.layerCount();
        PolarGaussian gaussian = new PolarGaussian(random);
        double[][] v = new double[layers][];
        double[] d = new double[network.inputSize()];
        for (int l = 1; l <= layers; l++) {
            int rows = network.neurons(l);
            double[] next = model.kernel(l).product(model.liveWeights(l), d, p);
            boolean normalises = model.kernel(l).normalises();
            if (l < layers) {
                v[l] = new double[rows];
                for (int i = 0; i < rows; i++) {
                    v[l][i] = p.round(gaussian.next());
                    double slope = p.round(network.layer(l).activation().derivative(pass.preActivation(l, i)));
                    if (normalises) { // the minibatch's statistics held fixed
                        slope = p.round(slope * pass.sumGain(model, l, i));
                    }
                    next[i] = p.round(p.round(next[i] * slope) + v[l][i]);
                }
            }
            d = next;
        }
        return new Directions(v, d);
    }

    /** B_l &lt;- B_l + alpha (v_l d_L^T - B_l) for every hidden layer with feedback. */
    public void update(Model model, Feedback feedback, Directions directions) {
        Precision p = model.precision();
        int layers = model.network().layerCount();
        double[][] v = directions.v();
        double[] d = directions.d();
        double rate = p.round(alpha);
        int outputs = d.length;
        for (int l = 1; l < layers; l++) {
            double[] b = feedback.liveMatrix(l);
            if (b == null) {
                continue;
            }
            for (int i = 0; i < v[l].length; i++) {
                int base = i * outputs;
                for (int j = 0; j < outputs; j++) {
                    double target = p.round(v[l][i] * d[j]);
                    b[base + j] = p.round(b[base + j] + p.round(rate * p.round(target - b[base + j])));
                }
            }
        }
    }
}
