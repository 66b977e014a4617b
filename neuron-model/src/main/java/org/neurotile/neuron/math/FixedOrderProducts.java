package org.neurotile.neuron.math;

/**
 * {@link Products} in the documented order: {@link BlockedProducts} on rows by example, and
 * {@link UnitMajorProducts} in place on float32 matrices stored by unit, with the same bits.
 */
final class FixedOrderProducts implements Products {
    @Override
    public void dots(Weights w, int columns, int from, int to, double[][] x, int count, double[][] out) {
        BlockedProducts.dots(w, columns, from, to, x, count, out);
    }

    @Override
    public void transposedProducts(Weights w, int rows, int columns, int from, int to, double[][] delta, int count,
                                   double[][] out) {
        BlockedProducts.transposedProducts(w, rows, columns, from, to, delta, count, out);
    }

    @Override
    public void addOuterProducts(float[] g, double[] gb, int columns, int from, int to, double[][] delta,
                                 double[][] x, int count) {
        BlockedProducts.addOuterProducts(g, gb, columns, from, to, delta, x, count);
    }

    @Override
    public void dots(Weights w, int columns, int rows, int from, int to, float[] x, int count, float[] out) {
        if (w instanceof Weights.Single single) {
            UnitMajorProducts.dots(single.w(), columns, from, to, x, count, out, BlockedProducts.VECTOR_API);
        } else {
            Products.super.dots(w, columns, rows, from, to, x, count, out);
        }
    }

    @Override
    public void transposedProducts(Weights w, int rows, int columns, int from, int to, float[] delta, int count,
                                   float[] out) {
        if (w instanceof Weights.Single single) {
            UnitMajorProducts.transposedProducts(single.w(), rows, columns, from, to, delta, count, out,
                    BlockedProducts.VECTOR_API);
        } else {
            Products.super.transposedProducts(w, rows, columns, from, to, delta, count, out);
        }
    }

    @Override
    public void addOuterProducts(float[] g, double[] gb, int columns, int rows, int from, int to, float[] delta,
                                 float[] x, int count) {
        UnitMajorProducts.addOuterProducts(g, gb, columns, from, to, delta, x, count, BlockedProducts.VECTOR_API);
    }

    @Override
    public boolean fixedOrder() {
        return true;
    }

    @Override
    public String implementation() {
        return BlockedProducts.VECTOR_API ? "fixed order, Java Vector API" : "fixed order, plain Java loops";
    }
}
