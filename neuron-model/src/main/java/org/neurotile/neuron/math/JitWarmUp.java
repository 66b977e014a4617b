package org.neurotile.neuron.math;

/**
 * Has the JIT compile training's vector kernels (the fixed-order products, on rows by example and
 * on a dense batch's matrices stored by unit, and the optimizers' float32 updates) on scratch
 * values, on the caller's thread (TrainingWarmUp's, started before the data loads), so that the compiling overlaps
 * the loading and the chip's costing instead of the first epoch. With
 * the Vector API a kernel the JIT has not compiled yet runs many times slower than a compiled one:
 * that was most of a first epoch's excess over the next (mnist-fc, batch 32: about 0.2 s under
 * momentum and Adam, 0.3 s in the fixed order). It touches no shared state and changes no result.
 */
public final class JitWarmUp {
    /** Enough calls for the JIT's last tier: C2 compiles these loops after some hundreds of calls. */
    private static final int CALLS = 3_000;
    private static final int ROWS = 8;
    private static final int COLUMNS = 256;
    /**
     * The products by unit on the smallest shape that takes every branch of their kernels (a tile
     * of four rows and one left, sixteen columns and eight and two, four examples and one): until
     * the JIT has compiled a kernel each call runs through the Vector API's fallback, so the fewer
     * multiply-adds a call, the sooner the calls reach the compiler's thresholds.
     */
    private static final int UNIT_ROWS = 5;
    private static final int UNIT_COLUMNS = 26;
    private static final int UNIT_EXAMPLES = 5;

    private JitWarmUp() {
    }

    /**
     * The kernels asked, each {@link #CALLS} times, on the caller's thread: the fixed-order products
     * of a dense batch's matrices stored by unit ({@code byUnit}) and the updates first, then the
     * products on rows by example ({@code byRows}: every other network's, and one example a step),
     * so that the compiler, which takes the kernels one at a time, has the commonest ready first.
     */
    public static void run(boolean byUnit, boolean byRows, boolean updates) {
        float[] w = new float[ROWS * COLUMNS];
        float[] a = new float[ROWS * COLUMNS];
        float[] b = new float[ROWS * COLUMNS];
        float[] g = new float[ROWS * COLUMNS];
        double[] biasGradient = new double[ROWS];
        Weights weights = Weights.of(Precision.FLOAT32, new double[ROWS * COLUMNS]);
        int batch = BlockedProducts.EXAMPLE_BLOCK;
        double[][] x = new double[batch][COLUMNS];
        double[][] sums = new double[batch][ROWS];
        double[][] back = new double[batch][COLUMNS];
        Weights unitWeights = Weights.of(Precision.FLOAT32, new double[UNIT_ROWS * UNIT_COLUMNS]);
        float[] unitInputs = new float[UNIT_COLUMNS * UNIT_EXAMPLES];
        float[] unitSums = new float[UNIT_ROWS * UNIT_EXAMPLES];
        float[] unitBack = new float[UNIT_COLUMNS * UNIT_EXAMPLES];
        float[] unitGradient = new float[UNIT_ROWS * UNIT_COLUMNS];
        double[] unitBiasGradient = new double[UNIT_ROWS];
        for (int call = 0; call < CALLS; call++) {
            int count = call % 2 == 0 ? UNIT_EXAMPLES : 1;
            if (updates) {
                FloatUpdates.products(g, 1e-3f, w, COLUMNS);
                FloatUpdates.momentum(w, a, 0, g, COLUMNS, 0.9f, 1e-3f);
                FloatUpdates.splitMomentum(w, a, b, 0, g, COLUMNS, 0.9f, 1e-3f, 0.5f, 0.5f);
                FloatUpdates.adam(w, a, b, 0, g, COLUMNS, 0.9f, 0.999f, 0.1f, 0.001f, 1e-8f, 1e-3f);
            }
            for (int from = 0; byUnit && from < UNIT_ROWS; from += 4) { // ranges as threads take them, more calls
                int to = Math.min(UNIT_ROWS, from + 4);
                Products.FIXED_ORDER.dots(unitWeights, UNIT_COLUMNS, UNIT_ROWS, from, to, unitInputs, count, unitSums);
                Products.FIXED_ORDER.addOuterProducts(unitGradient, unitBiasGradient, UNIT_COLUMNS, UNIT_ROWS, from, to,
                        unitSums, unitInputs, count);
            }
            if (byUnit) {
                Products.FIXED_ORDER.transposedProducts(unitWeights, UNIT_ROWS, UNIT_COLUMNS, 0, UNIT_COLUMNS,
                        unitSums, count, unitBack);
            }
        }
        for (int call = 0; byRows && call < CALLS; call++) {
            int count = call % 2 == 0 ? batch : 1; // a minibatch's block, and one example
            Products.FIXED_ORDER.dots(weights, COLUMNS, 0, ROWS, x, count, sums);
            Products.FIXED_ORDER.transposedProducts(weights, ROWS, COLUMNS, 0, COLUMNS, sums, count, back);
            Products.FIXED_ORDER.addOuterProducts(g, biasGradient, COLUMNS, 0, ROWS, sums, x, count);
        }
    }
}
