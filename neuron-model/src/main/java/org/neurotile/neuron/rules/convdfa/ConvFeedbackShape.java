package org.neurotile.neuron.rules.convdfa;

import org.neurotile.neuron.rules.RuleOptions;

/**
 * The convolutional feedback's shape as the options give it: a K x K kernel (odd, default 3),
 * dilated by D (default 1), in G groups (default 1); {@code given} whether any of them was given
 * (they then need a network with convolutions).
 */
record ConvFeedbackShape(int kernel, int dilation, int groups, boolean given) {

    static ConvFeedbackShape option(RuleOptions options) {
        int kernel = options.intOr("kernel", 3, 1, 99, "the feedback kernel's size, odd, e.g. kernel=3");
        if (kernel % 2 == 0) {
            throw options.invalid("kernel must be odd (the feedback keeps the map's size with 'same' padding), got "
                    + kernel);
        }
        int dilation = options.intOr("dilation", 1, 1, 64, "the feedback kernel's dilation, e.g. dilation=2");
        int groups = options.intOr("groups", 1, 1, Integer.MAX_VALUE, "the feedback's channel groups, e.g. groups=4");
        return new ConvFeedbackShape(kernel, dilation, groups,
                options.has("kernel") || options.has("dilation") || options.has("groups"));
    }

    /** The taps of one kernel row: (C_s / G) K^2, the feedback convolution's fan-in. */
    long taps(int sourceChannels) {
        return (long) sourceChannels / groups * kernel * kernel;
    }
}
