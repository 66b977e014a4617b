package org.neurotile.neuron.rules.feedback;

import java.util.Arrays;
import java.util.List;
import org.neurotile.neuron.rules.RuleOptions;

/**
 * How a fixed feedback matrix B_l starts (n_l x n_s: neuron i of layer l feeds back the deltas of
 * the n_s neurons of its source layer s, s = L for the direct rules). The random conventions draw
 * the same values from the layer's stream and scale them, so they differ by a factor per layer.
 *
 * <ul>
 *   <li>{@code uniform}: dense entries U[-1/sqrt(n_s), 1/sqrt(n_s)], sparse ones (k per row)
 *       U[-1/sqrt(k), 1/sqrt(k)]: the learning-rules spec's stated values.
 *   <li>{@code crafton}: the scale of the SSDFA authors' code (Crafton et al. 2019,
 *       lib/FeedbackMatrix.py): dense U[-1/sqrt(n_l), 1/sqrt(n_l)], sparse
 *       U[-b, b] with b = 1/sqrt(n_l / sqrt(n_L k)); a low-rank matrix is rescaled so that the
 *       standard deviation of all its entries is b, as that code's "rank fix" does.
 *   <li>{@code weights-product}: an aligned start, B_l = (W_s ... W_{l+1})^T from the initial forward
 *       weights (for dfa the product of every deeper layer, for fa W_{l+1}^T itself).
 * </ul>
 */
public enum FeedbackInit {
    UNIFORM("uniform"),
    CRAFTON("crafton"),
    WEIGHTS_PRODUCT("weights-product");

    private final String id;

    FeedbackInit(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The convention called {@code id}, which the rule's options have checked. */
    static FeedbackInit byId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no feedback initialisation " + id));
    }

    /** The option that names how B_l starts. */
    public static final String OPTION = "init";
    /** The starts of dense feedback, the default first. */
    public static final List<FeedbackInit> DENSE = List.of(CRAFTON, UNIFORM, WEIGHTS_PRODUCT);
    /** The starts of sparse feedback, the default first. */
    public static final List<FeedbackInit> SPARSE = List.of(CRAFTON, UNIFORM);

    /** A rule's init option, the first of {@code valid} when not given. */
    public static FeedbackInit option(RuleOptions options, List<FeedbackInit> valid) {
        List<String> ids = valid.stream().map(FeedbackInit::id).toList();
        return byId(options.choice(OPTION, ids.get(0), ids));
    }

    /** The bound of a dense random B_l's entries, for n_l receiving and n_s fed back. */
    public double denseBound(int receiving, int source) {
        return switch (this) {
            case UNIFORM -> 1 / Math.sqrt(source);
            case CRAFTON -> 1 / Math.sqrt(receiving);
            case WEIGHTS_PRODUCT -> throw new IllegalStateException("weights-product is not drawn");
        };
    }

    /** The bound of a sparse B_l's entries, k of the n_L errors per row of n_l neurons. */
    double sparseBound(int receiving, int outputs, int k) {
        return switch (this) {
            case UNIFORM -> 1 / Math.sqrt(k);
            case CRAFTON -> 1 / Math.sqrt(receiving / Math.sqrt((double) outputs * k));
            case WEIGHTS_PRODUCT -> throw new IllegalStateException("weights-product is not drawn");
        };
    }
}
