package org.neurotile.neuron.rules.feedback;

/**
 * The magnitude of binary feedback's entries, S_l = s_l sign(B_l): a constant per layer, which a
 * tile folds into the layer's learning rate, so the scale changes the values of a step and not its
 * counts (the products stay additions and subtractions).
 *
 * <ul>
 *   <li>{@code crafton}: s_l is the bound of the random feedback it stands in for at the SSDFA
 *       authors' scale ({@link FeedbackInit#CRAFTON}): 1/sqrt(n_l) dense, 1/sqrt(n_l / sqrt(n_L k))
 *       with k errors per neuron. Binary feedback then moves a layer about as much as dfa's.
 *   <li>{@code one}: s_l = 1, the learning-rules spec's S_l in {-1, +1}: on the 400 hidden units of
 *       mnist-fc each entry is 20 times dfa's bound, and the hidden layer learns that much faster.
 * </ul>
 */
public enum SignScale {
    CRAFTON("crafton"),
    ONE("one");

    private final String id;

    SignScale(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SignScale byId(String id) {
        for (SignScale scale : values()) {
            if (scale.id.equals(id)) {
                return scale;
            }
        }
        throw new IllegalArgumentException("no sign scale " + id);
    }

    /** s_l for a layer of n_l units fed back n_L errors, {@code k} per unit (0: all of them). */
    double magnitude(int receiving, int outputs, int k) {
        return switch (this) {
            case ONE -> 1;
            case CRAFTON -> k == 0 ? FeedbackInit.CRAFTON.denseBound(receiving, outputs)
                    : FeedbackInit.CRAFTON.sparseBound(receiving, outputs, k);
        };
    }
}
