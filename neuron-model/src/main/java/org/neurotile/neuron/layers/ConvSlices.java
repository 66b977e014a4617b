package org.neurotile.neuron.layers;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.LayerShape;
import org.neurotile.workloads.Pool;
import org.neurotile.workloads.TensorShape;

/**
 * The geometry of a convolution's slices: which output channels and rows a slice of units covers,
 * which sums it computes before its pool, which input rows (halo included) its windows read, and
 * what it keeps and does. Units are the layer's outputs after the pool, in the order of its
 * {@link ConvCut}: blocks of G output channels (G = 1: channel-major, CHW), a block row by row, each
 * row of a block its G channels' rows side by side. A slice is cut on whole rows of a block
 * ({@link WeightSharing#COPIES} with G = 1, {@link WeightSharing#ROWS}) or whole channels
 * ({@link WeightSharing#SINGLE}); what holds below for a channel holds for a block's G channels at
 * once. Everything here is arithmetic on the slice's bounds: no loop over units or MACs.
 *
 * <p>A slice computes every sum its pooled rows read, from the first conv row its first pooled
 * row's window reads to the last its last pooled row reads, and the first and last slices of a
 * channel also the conv rows no window reads (so the sums of a layer cut at channel borders are
 * exactly C_out H_out W_out). Where pool windows overlap (kernel > stride) and a cut falls inside a
 * channel, both slices compute the shared conv rows: recomputation, counted where it happens.
 *
 * <p>The input rows a slice reads are the union, over the channels it covers, of the rows its
 * conv rows' windows read, of every input channel of the groups it covers (a grouped slice that
 * spans groups reads the union of its groups' rows).
 */
final class ConvSlices {
    private static final Comparator<int[]> BY_FIRST_ROW = Comparator.comparingInt(rows -> rows[0]);
    private final int inChannels;
    private final int inHeight;
    private final int inWidth;
    private final int outChannels;
    private final int sumHeight;
    private final int sumWidth;
    private final int outHeight;
    private final int outWidth;
    private final int stride;
    private final int padding;
    private final int span;
    private final int groups;
    private final int poolKernel;
    private final int poolStride;
    private final int poolPadding;
    private final boolean maxPool;
    private final boolean pooled;
    private final long kernelWeights;
    private final long projectionWeights;
    private final Optional<TensorShape> added;
    private final int addedStride;
    private final int block; // G: output channels per block

    ConvSlices(Conv2d layer, LayerShape shape, Optional<TensorShape> added, int blockChannels) {
        TensorShape in = shape.input();
        TensorShape sums = layer.sums(in);
        inChannels = in.channels();
        inHeight = in.height();
        inWidth = in.width();
        outChannels = sums.channels();
        sumHeight = sums.height();
        sumWidth = sums.width();
        outHeight = shape.output().height();
        outWidth = shape.output().width();
        stride = layer.stride();
        padding = layer.padding();
        span = layer.span();
        groups = layer.groups();
        pooled = layer.pool().isPresent();
        Pool pool = layer.pool().orElse(new Pool(Pool.Kind.MAX, 1, 1, 0));
        poolKernel = pool.kernel();
        poolStride = pool.stride();
        poolPadding = pool.padding();
        maxPool = pool.kind() == Pool.Kind.MAX;
        kernelWeights = layer.kernelWeights(in);
        projectionWeights = added.map(a -> Conv2d.projectionWeights(a, sums) / outChannels).orElse(0L);
        this.added = added;
        addedStride = added.map(a -> a.equals(sums) ? 1 : Conv2d.projectionStride(a, sums)).orElse(1);
        if (blockChannels < 1 || outChannels % blockChannels != 0) {
            throw new IllegalArgumentException("blocks of " + blockChannels + " channels do not divide the "
                    + outChannels + " output channels of " + layer.describe());
        }
        block = blockChannels;
    }

    /** Units per slice boundary: an output row of a block, or a whole channel. */
    long alignment(WeightSharing sharing) {
        return sharing == WeightSharing.SINGLE ? (long) outHeight * outWidth : (long) block * outWidth;
    }

    /** Weights of one output channel: its kernel and its share of the residual projection. */
    long channelWeights() {
        return kernelWeights + projectionWeights;
    }

    private long blockUnits() {
        return (long) block * outHeight * outWidth;
    }

    /** The first unit of block {@code b}. */
    long blockStart(int b) {
        return b * blockUnits();
    }

    /** The block the slice shares with an earlier slice (it starts inside it), or -1. */
    int sharedBlock(long first) {
        return first % blockUnits() == 0 ? -1 : (int) (first / blockUnits());
    }

    /**
     * The covered rows: blocks b0..b1 (channels c0 = b0 G .. c1 = b1 G + G - 1), the first pooled row
     * of b0's channels and the last of b1's.
     */
    private record Rows(int b0, int b1, int firstRow, int lastRow, int block) {
        int c0() {
            return b0 * block;
        }

        int c1() {
            return b1 * block + block - 1;
        }

        int channels() {
            return (b1 - b0 + 1) * block;
        }
    }

    private Rows rows(long first, long count) {
        long rowUnits = (long) block * outWidth;
        long rowFirst = first / rowUnits;
        long rowEnd = (first + count + rowUnits - 1) / rowUnits;
        int b0 = (int) (rowFirst / outHeight);
        int b1 = (int) ((rowEnd - 1) / outHeight);
        return new Rows(b0, b1, (int) (rowFirst % outHeight), (int) ((rowEnd - 1) % outHeight), block);
    }

    private int sumLow(int pooledRow) {
        return pooledRow == 0 ? 0 : clamp(pooledRow * poolStride - poolPadding, sumHeight);
    }

    private int sumHigh(int pooledRow) {
        return pooledRow == outHeight - 1 ? sumHeight - 1
                : clamp(pooledRow * poolStride - poolPadding + poolKernel - 1, sumHeight);
    }

    private static int clamp(int row, int rows) {
        return Math.max(0, Math.min(rows - 1, row));
    }

    /**
     * The conv row ranges of the covered channels, {first, last, channels} (at most three distinct:
     * the first block's, the middle blocks', the last block's).
     */
    private int[][] sumRanges(Rows r) {
        if (r.b0 == r.b1) {
            return new int[][] {{sumLow(r.firstRow), sumHigh(r.lastRow), block}};
        }
        int middle = (r.b1 - r.b0 - 1) * block;
        return new int[][] {{sumLow(r.firstRow), sumHeight - 1, block}, {0, sumHeight - 1, middle},
            {0, sumHigh(r.lastRow), block}};
    }

    /** Sums the slice computes: conv rows times their width, per covered channel. */
    private long sums(Rows r) {
        long rows = 0;
        for (int[] range : sumRanges(r)) {
            rows += (long) (range[1] - range[0] + 1) * range[2];
        }
        return rows * sumWidth;
    }

    /** The input rows conv rows lo..hi read, clipped to the map: {first, last}, empty if first > last. */
    private int[] inputRows(int lo, int hi) {
        return new int[] {Math.max(0, lo * stride - padding), Math.min(inHeight - 1, hi * stride - padding + span - 1)};
    }

    /** The union of the input rows the covered channels read, as ascending disjoint {first, last} intervals. */
    private int[][] inputRowSet(Rows r) {
        int[][] ranges = sumRanges(r);
        int[][] intervals = new int[ranges.length][];
        int n = 0;
        for (int[] range : ranges) {
            int[] rows = range[2] > 0 ? inputRows(range[0], range[1]) : null;
            if (rows != null && rows[0] <= rows[1]) {
                intervals[n++] = rows;
            }
        }
        Arrays.sort(intervals, 0, n, BY_FIRST_ROW);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (count > 0 && intervals[i][0] <= intervals[count - 1][1] + 1) {
                intervals[count - 1][1] = Math.max(intervals[count - 1][1], intervals[i][1]);
            } else {
                intervals[count++] = intervals[i];
            }
        }
        return count == intervals.length ? intervals : Arrays.copyOf(intervals, count);
    }

    private int inputChannelFirst(Rows r) {
        return r.c0() / (outChannels / groups) * (inChannels / groups);
    }

    private int inputChannelEnd(Rows r) {
        return (r.c1() / (outChannels / groups) + 1) * (inChannels / groups);
    }

    private long inputRowsCovered(Rows r) {
        long rows = 0;
        for (int[] interval : inputRowSet(r)) {
            rows += interval[1] - interval[0] + 1;
        }
        return rows;
    }

    /** Input values the slice reads: its input channels' rows, whole rows (padding is not stored). */
    private long inputs(Rows r) {
        return Math.max(1, (long) (inputChannelEnd(r) - inputChannelFirst(r)) * inputRowsCovered(r) * inWidth);
    }

    /** The input rows one pooled output row reads: a single slice's line buffer. */
    private long lineBufferRows() {
        long rows = (long) (poolKernel - 1) * stride + span;
        return Math.min(inHeight, rows);
    }

    SliceCost slice(long first, long count) {
        Rows r = rows(first, count);
        long sums = sums(r);
        long inputs = inputs(r) + addedWords(r);
        long taps = (long) poolKernel * poolKernel;
        long poolReads = pooled ? count * taps : 0;
        long poolOps = !pooled ? 0 : maxPool ? count * (taps - 1) : count * taps;
        long weights = r.channels() * channelWeights();
        return new SliceCost(count, weights, inputs, sums * channelWeights(), sums * channelWeights(), r.channels(),
                sums, poolReads, poolOps, sums * channelWeights());
    }

    SliceWords words(long first, long count, WeightSharing sharing) {
        Rows r = rows(first, count);
        long parameters = r.channels() * (channelWeights() + 1);
        long owned = sharedBlock(first) < 0 ? parameters : parameters - block * (channelWeights() + 1);
        long inputs = inputs(r);
        if (sharing == WeightSharing.SINGLE) {
            long rows = Math.max(1, inputRowsCovered(r));
            inputs = inputs / rows * Math.min(rows, lineBufferRows());
        }
        return new SliceWords(count, parameters, owned, inputs + addedWords(r), sums(r));
    }

    /**
     * The values of the residual add the slice reads, as ranges of the added layer's flat output in
     * CHW order (its own order may differ: {@link ConvCut#stored}): the same positions as its sums,
     * or, through a 1 x 1 projection of stride s, every channel's rows s lo .. s hi (whole rows
     * kept). Empty without an add.
     */
    long[] addedRanges(long first, long count) {
        if (added.isEmpty()) {
            return new long[0];
        }
        TensorShape from = added.get();
        Rows r = rows(first, count);
        long mapSize = (long) from.height() * from.width();
        int[][] ranges = sumRanges(r);
        if (addedStride == 1 && from.channels() == outChannels) { // the sums' own positions
            long[] result = new long[2 * r.channels()];
            int n = 0;
            for (int channel = r.c0(); channel <= r.c1(); channel++) {
                int b = channel / block;
                int[] rows = b == r.b0 ? ranges[0] : b == r.b1 ? ranges[ranges.length - 1] : ranges[1];
                long start = channel * mapSize + (long) rows[0] * from.width();
                long end = channel * mapSize + (rows[1] + 1L) * from.width();
                n = UnitRanges.append(result, n, start, end);
            }
            return Arrays.copyOf(result, n);
        }
        int low = sumHeight;
        int high = -1;
        for (int[] range : ranges) {
            if (range[2] > 0) {
                low = Math.min(low, range[0]);
                high = Math.max(high, range[1]);
            }
        }
        int firstRow = Math.min(from.height() - 1, low * addedStride);
        int lastRow = Math.min(from.height() - 1, high * addedStride);
        long[] result = new long[2 * from.channels()];
        int n = 0;
        for (int channel = 0; channel < from.channels(); channel++) {
            long start = channel * mapSize + (long) firstRow * from.width();
            long end = channel * mapSize + (lastRow + 1L) * from.width();
            n = UnitRanges.append(result, n, start, end);
        }
        return Arrays.copyOf(result, n);
    }

    private long addedWords(Rows r) {
        if (added.isEmpty()) {
            return 0;
        }
        return UnitRanges.words(addedRanges(rowStart(r), rowUnits(r)));
    }

    private long rowStart(Rows r) {
        return ((long) r.b0 * outHeight + r.firstRow) * block * outWidth;
    }

    private long rowUnits(Rows r) {
        return ((long) r.b1 * outHeight + r.lastRow + 1) * block * outWidth - rowStart(r);
    }

    /** The input values the slice reads, as ranges of the flat input in CHW order: {@link LayerKernel#inputRanges}. */
    long[] inputRanges(long first, long count) {
        Rows r = rows(first, count);
        int[][] rowSet = inputRowSet(r);
        long mapSize = (long) inHeight * inWidth;
        long[] ranges = new long[2 * rowSet.length * (inputChannelEnd(r) - inputChannelFirst(r))];
        int n = 0;
        for (int channel = inputChannelFirst(r); channel < inputChannelEnd(r); channel++) {
            for (int[] rows : rowSet) {
                long start = channel * mapSize + (long) rows[0] * inWidth;
                long end = channel * mapSize + (rows[1] + 1L) * inWidth;
                n = UnitRanges.append(ranges, n, start, end);
            }
        }
        return Arrays.copyOf(ranges, n);
    }
}
