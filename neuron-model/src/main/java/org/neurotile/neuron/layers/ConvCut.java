package org.neurotile.neuron.layers;

import java.util.Arrays;
import org.neurotile.workloads.TensorShape;

/**
 * How one layer is cut into slices and in which order its units are counted: the conv mapping and,
 * under {@link WeightSharing#ROWS}, the {@code blockChannels} G output channels whose same rows a
 * slice holds (1 otherwise, and for layers that do not share weights).
 *
 * <p>The plan numbers a layer's units (outputs after any pool) so that a slice is one contiguous
 * range: channel-major (CHW) with G = 1, and with G > 1 blocked: block b = c / G, then row y, then
 * the channel within the block, then column x, i.e. unit ((b H + y) G + c mod G) W + x. With G = 1
 * the two orders are the same. The functional arithmetic always stores CHW; only counting uses
 * this order, and {@link #stored} turns CHW ranges (what a kernel says a slice reads) into it.
 */
public record ConvCut(WeightSharing sharing, int blockChannels) {

    public ConvCut {
        if (blockChannels < 1 || blockChannels > 1 && sharing != WeightSharing.ROWS) {
            throw new IllegalArgumentException("blocks of " + blockChannels + " channels under conv mapping "
                    + sharing.id());
        }
    }

    /** One channel per block: CHW order, as {@code copies} and {@code single} cut every layer. */
    public static ConvCut of(WeightSharing sharing) {
        return new ConvCut(sharing, 1);
    }

    /** Rows of blocks of {@code channels} output channels. */
    public static ConvCut rows(int channels) {
        return new ConvCut(WeightSharing.ROWS, channels);
    }

    /** Whether the order is CHW itself. */
    public boolean channelMajor() {
        return blockChannels == 1;
    }

    /**
     * The ranges {@code chw} ({start, end} pairs of a layer's output of shape {@code shape} in CHW
     * order, ascending and disjoint) as ascending disjoint ranges of this order. Whole rows (what a
     * slice reads) are marked row by row and read out in blocked order; other ranges go a piece of a
     * channel's row at a time, sorted.
     */
    public long[] stored(long[] chw, TensorShape shape) {
        if (channelMajor() || chw.length == 0) {
            return chw;
        }
        return wholeRows(chw, shape.width()) ? storedRows(chw, shape) : storedPieces(chw, shape);
    }

    private static boolean wholeRows(long[] chw, int width) {
        for (long bound : chw) {
            if (bound % width != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whole rows: marked per channel row, then read block row by block row, its channels in order. */
    private long[] storedRows(long[] chw, TensorShape shape) {
        int width = shape.width();
        int height = shape.height();
        boolean[] read = new boolean[shape.channels() * height]; // CHW row c H + y
        for (int i = 0; i < chw.length; i += 2) {
            Arrays.fill(read, (int) (chw[i] / width), (int) (chw[i + 1] / width), true);
        }
        long[] ranges = new long[16];
        int n = 0;
        for (int b = 0; b < shape.channels() / blockChannels; b++) {
            for (int y = 0; y < height; y++) {
                for (int c = 0; c < blockChannels; c++) {
                    if (read[(b * blockChannels + c) * height + y]) {
                        if (n + 2 > ranges.length) {
                            ranges = Arrays.copyOf(ranges, 2 * ranges.length);
                        }
                        long start = (((long) b * height + y) * blockChannels + c) * width;
                        n = UnitRanges.append(ranges, n, start, start + width);
                    }
                }
            }
        }
        return Arrays.copyOf(ranges, n);
    }

    /** Any ranges: whole blocks keep their span, the rest a piece of a channel's row at a time. */
    private long[] storedPieces(long[] chw, TensorShape shape) {
        int width = shape.width();
        long map = (long) shape.height() * width;
        long block = map * blockChannels;
        long[] starts = new long[16];
        long[] ends = new long[16];
        int n = 0;
        for (int i = 0; i < chw.length; i += 2) {
            long at = chw[i];
            long end = chw[i + 1];
            while (at < end) {
                long pieceStart;
                long next;
                if (at % block == 0 && at + block <= end) { // whole blocks: the same span in both orders
                    pieceStart = at;
                    next = end / block * block;
                } else { // a piece of one row of one channel
                    next = Math.min(end, (at / width + 1) * width);
                    int channel = (int) (at / map);
                    long row = at % map / width;
                    pieceStart = ((channel / blockChannels * (long) shape.height() + row) * blockChannels
                            + channel % blockChannels) * width + at % width;
                }
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, 2 * n);
                    ends = Arrays.copyOf(ends, 2 * n);
                }
                starts[n] = pieceStart;
                ends[n++] = pieceStart + next - at;
                at = next;
            }
        }
        // disjoint pieces: their starts and their ends sort into the same pairs
        Arrays.sort(starts, 0, n);
        Arrays.sort(ends, 0, n);
        long[] ranges = new long[2 * n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            length = UnitRanges.append(ranges, length, starts[i], ends[i]);
        }
        return Arrays.copyOf(ranges, length);
    }

    /** The CHW unit at {@code position} of this order, of a layer's output of shape {@code shape}. */
    public long chwUnit(long position, TensorShape shape) {
        if (channelMajor()) {
            return position;
        }
        int width = shape.width();
        long blockRow = position / ((long) blockChannels * width); // b H + y
        long channel = blockRow / shape.height() * blockChannels + position / width % blockChannels;
        return (channel * shape.height() + blockRow % shape.height()) * width + position % width;
    }
}
