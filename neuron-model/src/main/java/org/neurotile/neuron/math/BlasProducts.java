package org.neurotile.neuron.math;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link Products} of float32 weights by a BLAS (dev.ludovic.netlib): the system's own through JNI
 * where one loads (OpenBLAS from Debian's {@code libopenblas0}: the library NumPy uses), else
 * netlib's pure-Java BLAS. A range of rows is one sgemm (sgemv for one example) on float copies of
 * the operands stored by unit, so its sums follow the library's blocking and fused multiply-adds: the bits depend
 * on the library, the CPU and the rows each thread takes. float64 weights keep the fixed order.
 */
public final class BlasProducts implements Products {
    private final BLAS blas;
    private final boolean nativeBlas;
    private final String implementation;
    // each thread's operands and results, grown as needed: a step's products would otherwise allocate
    // about a megabyte of float copies on mnist-fc, which the collector then clears
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** A thread's two float arrays: an operand and a result. */
    private static final class Scratch {
        private float[] operand = new float[0];
        private float[] result = new float[0];

        float[] operand(int n) {
            if (operand.length < n) {
                operand = new float[n];
            }
            return operand;
        }

        float[] result(int n) {
            if (result.length < n) {
                result = new float[n];
            }
            return result;
        }
    }

    private BlasProducts(BLAS blas, boolean nativeBlas, String implementation) {
        this.blas = blas;
        this.nativeBlas = nativeBlas;
        this.implementation = implementation;
    }

    /** The system's BLAS where one loads, else netlib's Java BLAS. */
    public static BlasProducts load() {
        try {
            NativeBLAS blas = NativeBLAS.getInstance();
            String core = System.getenv("OPENBLAS_CORETYPE"); // OpenBLAS's kernels: they decide the bits
            return new BlasProducts(blas, true, "native BLAS " + mappedBlasLibrary()
                    + (core == null || core.isBlank() ? "" : ", OPENBLAS_CORETYPE=" + core.strip()));
        } catch (RuntimeException | LinkageError e) {
            return javaBlas();
        }
    }

    /** netlib's pure-Java BLAS, what {@link #load} falls back to where no native BLAS loads. */
    static BlasProducts javaBlas() {
        JavaBLAS blas = JavaBLAS.getInstance();
        return new BlasProducts(blas, false, "dev.ludovic.netlib " + blas.getClass().getSimpleName()
                + " (no native BLAS loaded; Debian: apt-get install libopenblas0)");
    }

    /** Whether the products run in the system's BLAS rather than netlib's Java one. */
    public boolean nativeBlas() {
        return nativeBlas;
    }

    /** The BLAS library the process mapped (Linux), as the dynamic linker resolved libblas.so.3. */
    private static String mappedBlasLibrary() {
        try {
            List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
            for (String line : maps) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.contains("blas") && !line.contains("netlibblasjni")) {
                    return line.substring(slash).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unreadable: the library stays unnamed
        }
        return "(libblas.so.3)";
    }

    @Override
    public void dots(Weights w, int columns, int from, int to, double[][] x, int count, double[][] out) {
        int width = to - from;
        if (!(w instanceof Weights.Single) || width <= 0 || count == 0) {
            FIXED_ORDER.dots(w, columns, from, to, x, count, out);
            return;
        }
        Scratch buffers = scratch.get();
        float[] xs = byUnit(x, count, 0, columns, buffers.operand(count * columns));
        float[] sums = buffers.result(count * width);
        dots((Weights.Single) w, columns, from, width, xs, count, sums, 0);
        copyOut(sums, width, count, from, out);
    }

    @Override
    public void transposedProducts(Weights w, int rows, int columns, int from, int to, double[][] delta, int count,
                                   double[][] out) {
        int width = to - from;
        if (!(w instanceof Weights.Single) || width <= 0 || count == 0) {
            FIXED_ORDER.transposedProducts(w, rows, columns, from, to, delta, count, out);
            return;
        }
        Scratch buffers = scratch.get();
        float[] d = byUnit(delta, count, 0, rows, buffers.operand(count * rows));
        float[] sums = buffers.result(count * width);
        transposedProducts((Weights.Single) w, rows, columns, from, width, d, count, sums, 0);
        copyOut(sums, width, count, from, out);
    }

    @Override
    public void addOuterProducts(float[] g, double[] gb, int columns, int from, int to, double[][] delta,
                                 double[][] x, int count) {
        int width = to - from;
        if (width <= 0 || count == 0) {
            return;
        }
        Scratch buffers = scratch.get();
        float[] xs = byUnit(x, count, 0, columns, buffers.operand(count * columns));
        float[] d = byUnit(delta, count, from, to, buffers.result(count * width));
        outerProducts(g, 1f, 1f, columns, from, width, d, 0, xs, count);
        for (int i = from; i < to; i++) {
            float bias = (float) gb[i];
            for (int m = 0; m < count; m++) {
                bias += (float) delta[m][i];
            }
            gb[i] = bias;
        }
    }

    /** The same calls as {@link #dots(Weights, int, int, int, double[][], int, double[][])}, on the matrices in place. */
    @Override
    public void dots(Weights w, int columns, int rows, int from, int to, float[] x, int count, float[] out) {
        int width = to - from;
        if (!(w instanceof Weights.Single) || width <= 0 || count == 0) {
            FIXED_ORDER.dots(w, columns, rows, from, to, x, count, out);
            return;
        }
        dots((Weights.Single) w, columns, from, width, x, count, out, from * count);
    }

    /** The same calls as {@link #transposedProducts(Weights, int, int, int, int, double[][], int, double[][])}, in place. */
    @Override
    public void transposedProducts(Weights w, int rows, int columns, int from, int to, float[] delta, int count,
                                   float[] out) {
        int width = to - from;
        if (!(w instanceof Weights.Single) || width <= 0 || count == 0) {
            FIXED_ORDER.transposedProducts(w, rows, columns, from, to, delta, count, out);
            return;
        }
        transposedProducts((Weights.Single) w, rows, columns, from, width, delta, count, out, from * count);
    }

    /** The same calls as {@link #addOuterProducts(float[], double[], int, int, int, double[][], double[][], int)}, in place. */
    @Override
    public void addOuterProducts(float[] g, double[] gb, int columns, int rows, int from, int to, float[] delta,
                                 float[] x, int count) {
        int width = to - from;
        if (width <= 0 || count == 0) {
            return;
        }
        outerProducts(g, 1f, 1f, columns, from, width, delta, from * count, x, count);
        Products.addBiasSums(gb, from, to, delta, count);
    }

    /*
     * The three calls on matrices stored by unit. In column-major (BLAS) terms a batch stored by unit
     * is count x n with leading dimension count, and row-major weights (rows x columns) are
     * columns x rows. Every product then has the batch as its short dimension M = count; OpenBLAS's
     * AVX-512 kernels run these shapes at one and a half times the speed of the example-major ones
     * (MatMulCandidatesBenchmark in BENCHMARKS.md).
     */

    /** Units from..from+width-1 of Y = X W^T into out at outBase (width x count by unit). */
    private void dots(Weights.Single w, int columns, int from, int width, float[] x, int count, float[] out,
                      int outBase) {
        if (count == 1) {
            blas.sgemv("T", columns, width, 1f, w.w(), from * columns, columns, x, 0, 1, 0f, out, outBase, 1);
        } else {
            blas.sgemm("N", "N", count, width, columns, 1f, x, 0, count, w.w(), from * columns, columns, 0f, out,
                    outBase, count);
        }
    }

    /** Columns from..from+width-1 of delta W into out at outBase (width x count by unit). */
    private void transposedProducts(Weights.Single w, int rows, int columns, int from, int width, float[] delta,
                                    int count, float[] out, int outBase) {
        if (count == 1) {
            blas.sgemv("N", width, rows, 1f, w.w(), from, columns, delta, 0, 1, 0f, out, outBase, 1);
        } else {
            blas.sgemm("N", "T", count, width, rows, 1f, delta, 0, count, w.w(), from, columns, 0f, out, outBase,
                    count);
        }
    }

    /** Rows from..from+width-1 of g = beta g + alpha delta^T x, delta's rows from dBase (width x count by unit). */
    private void outerProducts(float[] g, float beta, float alpha, int columns, int from, int width, float[] delta,
                               int dBase, float[] x, int count) {
        if (count > 1) {
            blas.sgemm("T", "N", columns, width, count, alpha, x, 0, count, delta, dBase, count, beta, g,
                    from * columns, columns);
            return;
        }
        if (beta != 1f) { // sger adds to g as it is
            blas.sscal(width * columns, beta, g, from * columns, 1);
        }
        if (count == 1) {
            blas.sger(columns, width, alpha, x, 0, 1, delta, dBase, 1, g, from * columns, columns);
        }
    }

    @Override
    public void scaledOuterProducts(float[] w, float beta, float alpha, int columns, int from, int to,
                                    float[] delta, float[] x, int count) {
        if (to > from) {
            outerProducts(w, beta, alpha, columns, from, to - from, delta, from * count, x, count);
        }
    }

    @Override
    public void matrixProduct(boolean transposeA, boolean transposeB, int m, int n, int k, float alpha, float[] a,
                              int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c,
                              int cOffset, int ldc) {
        if (m > 0 && n > 0) {
            blas.sgemm(transposeA ? "T" : "N", transposeB ? "T" : "N", m, n, k, alpha, a, aOffset, lda, b, bOffset,
                    ldb, beta, c, cOffset, ldc);
        }
    }

    /** Values {@code from..to-1} of each example, stored by unit as floats, into {@code result}. */
    private static float[] byUnit(double[][] values, int count, int from, int to, float[] result) {
        for (int m = 0; m < count; m++) {
            double[] row = values[m];
            for (int j = from; j < to; j++) {
                result[(j - from) * count + m] = (float) row[j];
            }
        }
        return result;
    }

    /** The sums of units from..from+width-1, stored by unit, into the examples' rows. */
    private static void copyOut(float[] sums, int width, int count, int from, double[][] out) {
        for (int i = 0; i < width; i++) {
            int base = i * count;
            for (int m = 0; m < count; m++) {
                out[m][from + i] = sums[base + m];
            }
        }
    }

    @Override
    public boolean fixedOrder() {
        return false;
    }

    @Override
    public String implementation() {
        return implementation;
    }
}
