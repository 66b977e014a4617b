package org.neurotile.neuron.rules.convdfa;

import java.util.Arrays;
import org.neurotile.neuron.layers.UnitRanges;
import org.neurotile.workloads.TensorShape;

/**
 * What a slice of a layer with convolutional feedback needs, as arithmetic on its bounds: the
 * target channels it covers (one feedback kernel row each) and the rows of the source's delta map
 * its feedback windows read. A slice of units {@code first .. first + count - 1} (the layer's
 * outputs, CHW) covers target channels t0..t1, rows r0.. of t0 and ..r1 of t1. Target channel t is
 * output channel o of the grouped convolution with shuffled(o) = t, so it reads the source channels
 * of group t mod G; its rows y reach the resized rows y - P .. y + P (P = D (K - 1) / 2, clipped to
 * the map), each of which is source row floor(y' H_s / H). Whole source rows are counted.
 */
record FeedbackWindows(TensorShape source, TensorShape target, int kernel, int dilation, int groups) {

    /** The target channels the slice covers: one feedback kernel row each. */
    int channels(long first, long count) {
        long map = (long) target.height() * target.width();
        return (int) ((first + count - 1) / map - first / map + 1);
    }

    /**
     * The source delta values the slice reads, as ascending disjoint ranges {@code [start, end)} of the
     * source map in CHW order, flattened.
     */
    long[] sourceRanges(long first, long count) {
        int height = target.height();
        int width = target.width();
        long map = (long) height * width;
        int t0 = (int) (first / map);
        int t1 = (int) ((first + count - 1) / map);
        int r0 = (int) (first % map / width);
        int r1 = (int) ((first + count - 1) % map / width);
        boolean[][] rowsOfGroup = new boolean[groups][source.height()];
        for (int t = t0; t <= Math.min(t1, t0 + 2 * groups + 1); t++) { // past that every group reads whole rows
            int low = t == t0 ? r0 : 0;
            int high = t == t1 ? r1 : height - 1;
            markRows(rowsOfGroup[t % groups], low, high);
        }
        if (t1 > t0 + 2 * groups + 1) {
            for (boolean[] rows : rowsOfGroup) {
                markRows(rows, 0, height - 1);
            }
        }
        int perGroup = source.channels() / groups;
        long sourceMap = (long) source.height() * source.width();
        long[] ranges = new long[2 * source.channels() * source.height()];
        int n = 0;
        for (int c = 0; c < source.channels(); c++) {
            boolean[] rows = rowsOfGroup[c / perGroup];
            for (int y = 0; y < rows.length; y++) {
                if (rows[y]) {
                    long start = c * sourceMap + (long) y * source.width();
                    n = UnitRanges.append(ranges, n, start, start + source.width());
                }
            }
        }
        return Arrays.copyOf(ranges, n);
    }

    /** Marks the source rows the resized rows of target rows low..high (and their windows) sample. */
    private void markRows(boolean[] rows, int low, int high) {
        int reach = dilation * (kernel - 1) / 2;
        int from = Math.max(0, low - reach);
        int to = Math.min(target.height() - 1, high + reach);
        for (int y = from; y <= to; y++) {
            rows[(int) ((long) y * source.height() / target.height())] = true;
        }
    }
}
