package org.neurotile.neuron.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.TensorShape;

/** The convolutional feedback operator against the dense matrix it stands for. */
class ConvFeedbackTest {

    private static double[] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return values;
    }

    private static ConvFeedback operator(TensorShape source, TensorShape target, int kernel, int dilation, int groups,
                                         long seed) {
        int taps = source.channels() / groups * kernel * kernel;
        return new ConvFeedback(source, target, kernel, dilation, groups, random(target.channels() * taps, seed));
    }

    /**
     * The dense B (target x source values) written from the definition: output (shuffle(o), y, x)
     * takes, for each tap (c, ky, kx) of o's group, the kernel weight times the source value at the
     * nearest-neighbour position of the tap's resized position (zero in the padding).
     */
    private static double[] dense(ConvFeedback f) {
        TensorShape s = f.source();
        TensorShape t = f.target();
        int k = f.kernel();
        int d = f.dilation();
        int pad = d * (k - 1) / 2;
        int inPerGroup = s.channels() / f.groups();
        int outPerGroup = t.channels() / f.groups();
        double[] w = f.kernels();
        double[] b = new double[t.size() * s.size()];
        for (int o = 0; o < t.channels(); o++) {
            int group = o / outPerGroup;
            for (int y = 0; y < t.height(); y++) {
                for (int x = 0; x < t.width(); x++) {
                    int row = (f.shuffled(o) * t.height() + y) * t.width() + x;
                    for (int c = 0; c < inPerGroup; c++) {
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int iy = y - pad + ky * d;
                                int ix = x - pad + kx * d;
                                if (iy < 0 || iy >= t.height() || ix < 0 || ix >= t.width()) {
                                    continue;
                                }
                                int sy = iy * s.height() / t.height();
                                int sx = ix * s.width() / t.width();
                                int column = ((group * inPerGroup + c) * s.height() + sy) * s.width() + sx;
                                b[row * s.size() + column] += w[((o * inPerGroup + c) * k + ky) * k + kx];
                            }
                        }
                    }
                }
            }
        }
        return b;
    }

    private static double[] times(double[] b, double[] g, int rows) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < g.length; j++) {
                out[i] += b[i * g.length + j] * g[j];
            }
        }
        return out;
    }

    @Property(tries = 60)
    void theOperatorIsTheDenseMatrixItStandsFor(@ForAll @IntRange(min = 1, max = 3) int groups,
                                                @ForAll @IntRange(min = 1, max = 3) int perGroupIn,
                                                @ForAll @IntRange(min = 1, max = 3) int perGroupOut,
                                                @ForAll @IntRange(min = 0, max = 2) int halfKernel,
                                                @ForAll @IntRange(min = 1, max = 2) int dilation,
                                                @ForAll @IntRange(min = 1, max = 6) int sourceSide,
                                                @ForAll @IntRange(min = 1, max = 7) int targetHeight,
                                                @ForAll @IntRange(min = 1, max = 7) int targetWidth) {
        TensorShape source = new TensorShape(groups * perGroupIn, sourceSide, sourceSide + 1);
        TensorShape target = new TensorShape(groups * perGroupOut, targetHeight, targetWidth);
        ConvFeedback f = operator(source, target, 2 * halfKernel + 1, dilation, groups, 11);
        double[] g = random(source.size(), 5);
        assertArrayEquals(times(dense(f), g, target.size()), f.apply(g, Precision.FLOAT64), 1e-12);
    }

    @Test
    void theShuffleInterleavesTheGroups() {
        ConvFeedback f = operator(new TensorShape(6, 2, 2), new TensorShape(6, 2, 2), 1, 1, 3, 1);
        int[] expected = {0, 3, 1, 4, 2, 5}; // (3 groups, 2 channels each) transposed
        Set<Integer> seen = new HashSet<>();
        for (int o = 0; o < 6; o++) {
            assertEquals(expected[o], f.shuffled(o));
            seen.add(f.shuffled(o));
        }
        assertEquals(6, seen.size());
    }

    @Test
    void oneGroupKeepsTheChannelOrder() {
        ConvFeedback f = operator(new TensorShape(4, 3, 3), new TensorShape(5, 3, 3), 3, 1, 1, 1);
        for (int o = 0; o < 5; o++) {
            assertEquals(o, f.shuffled(o));
        }
    }

    @Test
    void nearestNeighbourRepeatsRowsAndColumnsWhenTheTargetIsLarger() {
        ConvFeedback f = operator(new TensorShape(1, 2, 2), new TensorShape(1, 4, 3), 1, 1, 1, 1);
        double[] r = f.resized(new double[] {1, 2, 3, 4});
        assertArrayEquals(new double[] {1, 1, 2, 1, 1, 2, 3, 3, 4, 3, 3, 4}, r, 0.0);
    }

    @Test
    void aBatchOnThreeThreadsHasTheBitsOfOneExampleAtATime() {
        ConvFeedback f = operator(new TensorShape(8, 5, 5), new TensorShape(6, 7, 6), 3, 2, 2, 3);
        for (Precision p : new Precision[] {Precision.FLOAT32, Precision.FLOAT64}) {
            ConvFeedback rounded = Feedback.of(new int[] {0, 2, 0}, new double[3][],
                    new ConvFeedback[] {null, f, null}).rounded(p).convolution(1);
            double[][] g = new double[5][];
            for (int m = 0; m < g.length; m++) {
                g[m] = random(8 * 5 * 5, 20 + m);
                for (int i = 0; i < g[m].length; i++) {
                    g[m][i] = p.round(g[m][i]);
                }
            }
            double[][] batch = new double[5][];
            try (Workers three = Workers.of(3, 1)) {
                rounded.apply(g, batch, 5, p, three);
            }
            for (int m = 0; m < g.length; m++) {
                assertArrayEquals(rounded.apply(g[m], p), batch[m], 0.0, p + " example " + m);
            }
        }
    }

    @Test
    void kernelsOfTheWrongSizeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConvFeedback(new TensorShape(2, 3, 3),
                new TensorShape(2, 3, 3), 3, 1, 1, new double[17]));
    }

    @Test
    void anEvenKernelIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConvFeedback(new TensorShape(2, 3, 3),
                new TensorShape(2, 3, 3), 2, 1, 1, new double[16]));
    }
}
