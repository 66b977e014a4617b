package org.neurotile.neuron.layers;

/**
 * What one slice of a layer holds and does per example: {@code units} output units, the
 * {@code weights} they keep (biases not included; a convolution slice keeps the whole kernel of
 * every output channel it covers, so a kernel split over slices is counted in each), the
 * {@code inputs} they receive, the {@code forwardMacs} of their sums and the
 * {@code propagationMacs} of their share of W^T delta (a convolution's rotated kernels, and with a
 * projected residual add also the projection's P^T delta, the error its source layer receives).
 *
 * <p>The rest is what weight sharing changes; a dense slice has one of each per unit and no pool:
 * {@code biases} the bias words it keeps (a convolution: one per channel covered), {@code sums}
 * the values it computes before any pool (kept for f' and the pool's backward), {@code poolReads}
 * and {@code poolOps} the pool's reads of those values and its compares (max) or additions and
 * scaling (average), {@code gradientMacs} the products of its weight gradient (dense: one per
 * weight; a convolution's gradient is a correlation of the deltas with the inputs, one product per
 * kernel tap and sum).
 */
public record SliceCost(long units, long weights, long inputs, long forwardMacs, long propagationMacs, long biases,
                        long sums, long poolReads, long poolOps, long gradientMacs) {

    public SliceCost {
        if (units < 1 || weights < 0 || inputs < 1 || forwardMacs < 0 || propagationMacs < 0 || biases < 0
                || sums < 1 || poolReads < 0 || poolOps < 0 || gradientMacs < 0) {
            throw new IllegalArgumentException("invalid slice cost: " + units + " units, " + weights + " weights, "
                    + inputs + " inputs, " + forwardMacs + " + " + propagationMacs + " MACs, " + biases + " biases, "
                    + sums + " sums, pool " + poolReads + " reads " + poolOps + " ops, " + gradientMacs
                    + " gradient MACs");
        }
    }

    /** A slice without weight sharing: a bias and a sum per unit, no pool, one gradient product per weight. */
    public SliceCost(long units, long weights, long inputs, long forwardMacs, long propagationMacs) {
        this(units, weights, inputs, forwardMacs, propagationMacs, units, units, 0, 0, weights);
    }
}
