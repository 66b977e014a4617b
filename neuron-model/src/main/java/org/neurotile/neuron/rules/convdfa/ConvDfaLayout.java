package org.neurotile.neuron.rules.convdfa;

import org.neurotile.neuron.plan.Placement;
import org.neurotile.neuron.rules.feedback.FeedbackModules;
import org.neurotile.neuron.rules.feedback.FixedFeedback;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.UserText;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.TensorShape;

/**
 * conv-dfa on one network: its modules, which layer's delta each layer feeds back (0: none), and
 * which layers hold a convolutional feedback (source and layer both convolutions) rather than a
 * dense B_l.
 */
record ConvDfaLayout(NetworkSpec network, FeedbackModules modules, int[] sources, boolean[] convolved,
                     ConvFeedbackShape shape) {

    /** Checks the options against the network, with one line naming the rule and what is valid. */
    static ConvDfaLayout of(NetworkSpec network, String given, ModuleOption option, ConvFeedbackShape shape) {
        int layers = network.layerCount();
        boolean anyConvolution = false;
        for (int l = 1; l <= layers; l++) {
            anyConvolution |= network.layer(l) instanceof Conv2d;
        }
        if (shape.given() && !anyConvolution) {
            throw new InvalidInputException("rule '" + UserText.shown(given) + "': kernel, dilation and groups apply"
                    + " to convolutional layers; " + network.name() + " has none (valid there: modules, sign, init)");
        }
        FeedbackModules modules = option.resolve(network, given);
        boolean[] delta = modules.computesDelta(network);
        int[] sources = new int[layers + 1];
        boolean[] convolved = new boolean[layers + 1];
        for (int l = 1; l < layers; l++) {
            if (!delta[l]) {
                continue;
            }
            int source = modules.sourceOf(l);
            sources[l] = source;
            convolved[l] = source < layers && network.layer(source) instanceof Conv2d
                    && network.layer(l) instanceof Conv2d;
            if (convolved[l]) {
                int from = sourceMap(network, source).channels();
                int to = network.output(l).channels();
                if (from % shape.groups() != 0 || to % shape.groups() != 0) {
                    throw new InvalidInputException("rule '" + UserText.shown(given) + "': groups=" + shape.groups()
                            + " must divide the channels of the feedback from layer " + source + " (" + from
                            + ") to layer " + l + " (" + to + ") of " + network.name() + " (valid: a common divisor)");
                }
            }
        }
        return new ConvDfaLayout(network, modules, sources, convolved, shape);
    }

    /** The delta map a convolution feeds back: its sums before the pool, C x H_out x W_out. */
    static TensorShape sourceMap(NetworkSpec network, int source) {
        return ((Conv2d) network.layer(source)).sums(network.shape(source).input());
    }

    /** What layer l's feedback produces: its outputs after the pool, as dfa's B_l targets them. */
    TensorShape target(int l) {
        return network.output(l);
    }

    /** The deltas layer {@code source} feeds back: n_s, a convolution's sums before its pool. */
    int deltas(int source) {
        return FixedFeedback.deltas(network, source);
    }

    /** The taps of one kernel row of layer l's convolutional feedback: (C_s / G) K^2. */
    long taps(int l) {
        return shape.taps(sourceMap(network, sources[l]).channels());
    }

    /** The geometry of layer l's convolutional feedback. */
    FeedbackWindows windows(int l) {
        return new FeedbackWindows(sourceMap(network, sources[l]), target(l), shape.kernel(), shape.dilation(),
                shape.groups());
    }

    /**
     * The first of the deltas a placement of a source layer holds: its units themselves, or for a
     * pooled convolution the sums of its pooled rows, row r of H_p taking sums rows from
     * floor(r H_s / H_p) (whole rows: slices are cut on rows).
     */
    long heldStart(Placement p) {
        return held(p.layer(), p.first());
    }

    /** One past the last delta a placement of a source layer holds. */
    long heldEnd(Placement p) {
        return held(p.layer(), p.end());
    }

    private long held(int layer, long unit) {
        if (!(network.layer(layer) instanceof Conv2d) || network.output(layer).equals(sourceMap(network, layer))) {
            return unit;
        }
        TensorShape sums = sourceMap(network, layer);
        TensorShape out = network.output(layer);
        long map = (long) out.height() * out.width();
        long channel = unit / map;
        long row = unit % map / out.width();
        return channel * sums.height() * sums.width() + row * sums.height() / out.height() * sums.width();
    }
}
