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
 * the operands, so its sums follow the library's blocking and fused multiply-adds: the bits depend
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
            return new BlasProducts(blas, true, "native BLAS " + mappedBlasLibrary());
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
        if (!(w instanceof Weights.Single single) || width <= 0 || count == 0) {
            FIXED_ORDER.dots(w, columns, from, to, x, count, out);
            return;
        }
        Scratch buffers = scratch.get();
        float[] xs = byExample(x, count, columns, buffers.operand(count * columns));
        float[] sums = buffers.result(count * width);
        if (count == 1) {
            blas.sgemv("T", columns, width, 1f, single.w(), from * columns, columns, xs, 0, 1, 0f, sums, 0, 1);
        } else {
            blas.sgemm("T", "N", width, count, columns, 1f, single.w(), from * columns, columns, xs, 0, columns, 0f,
                    sums, 0, width);
        }
        copyOut(sums, width, count, from, out);
    }

    @Override
    public void transposedProducts(Weights w, int rows, int columns, int from, int to, double[][] delta, int count,
                                   double[][] out) {
        int width = to - from;
        if (!(w instanceof Weights.Single single) || width <= 0 || count == 0) {
            FIXED_ORDER.transposedProducts(w, rows, columns, from, to, delta, count, out);
            return;
        }
        Scratch buffers = scratch.get();
        float[] d = byExample(delta, count, rows, buffers.operand(count * rows));
        float[] sums = buffers.result(count * width);
        if (count == 1) {
            blas.sgemv("N", width, rows, 1f, single.w(), from, columns, d, 0, 1, 0f, sums, 0, 1);
        } else {
            blas.sgemm("N", "N", width, count, rows, 1f, single.w(), from, columns, d, 0, rows, 0f, sums, 0, width);
        }
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
        float[] xs = byExample(x, count, columns, buffers.operand(count * columns));
        float[] d = buffers.result(count * width);
        for (int m = 0; m < count; m++) {
            for (int i = 0; i < width; i++) {
                d[m * width + i] = (float) delta[m][from + i];
            }
        }
        if (count == 1) {
            blas.sger(columns, width, 1f, xs, 0, 1, d, 0, 1, g, from * columns, columns);
        } else {
            blas.sgemm("N", "T", columns, width, count, 1f, xs, 0, columns, d, 0, width, 1f, g, from * columns,
                    columns);
        }
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
        if (!(w instanceof Weights.Single single) || width <= 0 || count == 0) {
            FIXED_ORDER.dots(w, columns, rows, from, to, x, count, out);
            return;
        }
        if (count == 1) {
            blas.sgemv("T", columns, width, 1f, single.w(), from * columns, columns, x, 0, 1, 0f, out, from, 1);
        } else {
            blas.sgemm("T", "N", width, count, columns, 1f, single.w(), from * columns, columns, x, 0, columns, 0f,
                    out, from, rows);
        }
    }

    /** The same calls as {@link #transposedProducts(Weights, int, int, int, int, double[][], int, double[][])}, in place. */
    @Override
    public void transposedProducts(Weights w, int rows, int columns, int from, int to, float[] delta, int count,
                                   float[] out) {
        int width = to - from;
        if (!(w instanceof Weights.Single single) || width <= 0 || count == 0) {
            FIXED_ORDER.transposedProducts(w, rows, columns, from, to, delta, count, out);
            return;
        }
        if (count == 1) {
            blas.sgemv("N", width, rows, 1f, single.w(), from, columns, delta, 0, 1, 0f, out, from, 1);
        } else {
            blas.sgemm("N", "N", width, count, rows, 1f, single.w(), from, columns, delta, 0, rows, 0f, out, from,
                    columns);
        }
    }

    /** The same calls as {@link #addOuterProducts(float[], double[], int, int, int, double[][], double[][], int)}, in place. */
    @Override
    public void addOuterProducts(float[] g, double[] gb, int columns, int rows, int from, int to, float[] delta,
                                 float[] x, int count) {
        int width = to - from;
        if (width <= 0 || count == 0) {
            return;
        }
        if (count == 1) {
            blas.sger(columns, width, 1f, x, 0, 1, delta, from, 1, g, from * columns, columns);
        } else {
            blas.sgemm("N", "T", columns, width, count, 1f, x, 0, columns, delta, from, rows, 1f, g, from * columns,
                    columns);
        }
        for (int i = from; i < to; i++) {
            float bias = (float) gb[i];
            for (int m = 0; m < count; m++) {
                bias += delta[m * rows + i];
            }
            gb[i] = bias;
        }
    }

    /** The first {@code n} values of each example, example after example, as floats, into {@code result}. */
    private static float[] byExample(double[][] values, int count, int n, float[] result) {
        for (int m = 0; m < count; m++) {
            double[] row = values[m];
            for (int j = 0; j < n; j++) {
                result[m * n + j] = (float) row[j];
            }
        }
        return result;
    }

    private static void copyOut(float[] sums, int width, int count, int from, double[][] out) {
        for (int m = 0; m < count; m++) {
            double[] row = out[m];
            for (int i = 0; i < width; i++) {
                row[from + i] = sums[m * width + i];
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
