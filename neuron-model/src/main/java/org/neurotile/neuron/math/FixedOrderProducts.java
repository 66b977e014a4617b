package org.neurotile.neuron.math;

/** {@link Products} in the documented order: {@link BlockedProducts}. */
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
    public boolean fixedOrder() {
        return true;
    }

    @Override
    public String implementation() {
        return BlockedProducts.VECTOR_API ? "fixed order, Java Vector API" : "fixed order, plain Java loops";
    }
}
