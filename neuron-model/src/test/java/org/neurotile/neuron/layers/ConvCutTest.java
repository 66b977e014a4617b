package org.neurotile.neuron.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.TensorShape;

class ConvCutTest {

    /** Blocked order by its definition: unit ((b H + y) G + c mod G) W + x of CHW unit (c, y, x). */
    private static long blocked(long unit, TensorShape shape, int g) {
        long map = (long) shape.height() * shape.width();
        long c = unit / map;
        long y = unit % map / shape.width();
        long x = unit % shape.width();
        return ((c / g * shape.height() + y) * g + c % g) * shape.width() + x;
    }

    @Property(tries = 200)
    void chwUnitIsTheInverseOfTheBlockedOrder(@ForAll @IntRange(min = 1, max = 4) int blocks,
                                              @ForAll @IntRange(min = 1, max = 5) int g,
                                              @ForAll @IntRange(min = 1, max = 6) int height,
                                              @ForAll @IntRange(min = 1, max = 6) int width) {
        TensorShape shape = new TensorShape(blocks * g, height, width);
        ConvCut cut = ConvCut.rows(g);
        for (long position = 0; position < shape.size(); position++) {
            assertEquals(position, blocked(cut.chwUnit(position, shape), shape, g));
        }
    }

    @Property(tries = 300)
    void storedRangesCoverExactlyTheBlockedPositionsOfTheChwRanges(
            @ForAll @IntRange(min = 1, max = 4) int blocks, @ForAll @IntRange(min = 1, max = 5) int g,
            @ForAll @IntRange(min = 1, max = 6) int height, @ForAll @IntRange(min = 1, max = 6) int width,
            @ForAll boolean wholeRows, @ForAll long seed) {
        TensorShape shape = new TensorShape(blocks * g, height, width);
        Random random = new Random(seed);
        boolean[] read = new boolean[shape.size()];
        int runs = random.nextInt(6);
        for (int r = 0; r < runs; r++) { // whole rows, as slices read them, or also odd runs
            int start = !wholeRows && random.nextBoolean() ? random.nextInt(shape.size())
                    : random.nextInt(shape.size() / width) * width;
            int length = !wholeRows && random.nextBoolean() ? 1 + random.nextInt(3 * width)
                    : width * (1 + random.nextInt(height));
            Arrays.fill(read, start, Math.min(read.length, start + length), true);
        }
        boolean[] expected = new boolean[shape.size()];
        for (int unit = 0; unit < read.length; unit++) {
            if (read[unit]) {
                expected[(int) blocked(unit, shape, g)] = true;
            }
        }
        assertArrayEquals(ranges(expected), ConvCut.rows(g).stored(ranges(read), shape));
    }

    @Test
    void wholeBlocksKeepTheirSpanAndOneChannelPerBlockIsChw() {
        TensorShape shape = new TensorShape(8, 5, 3);
        assertArrayEquals(new long[] {0, 8 * 15}, ConvCut.rows(4).stored(new long[] {0, 8 * 15}, shape));
        long[] rows = {3, 9, 20, 30};
        assertSame(rows, ConvCut.of(WeightSharing.COPIES).stored(rows, shape));
        assertEquals(7, ConvCut.rows(1).chwUnit(7, shape));
    }

    @Test
    void aBlockOnlyCutsRows() {
        assertThrows(IllegalArgumentException.class, () -> new ConvCut(WeightSharing.COPIES, 2));
        assertThrows(IllegalArgumentException.class, () -> ConvCut.rows(0));
    }

    @Test
    void aSliceOfOneRowOfABlockKeepsItsKernelsAndReadsEveryInputChannelsRowsAsOneRangeOfABlockedLayerBelow() {
        // 4 x 6 x 6 input, 8 channels of 3 x 3 with padding 1: a row of a block of 4 channels is 4 x 6 units
        Conv2d conv = Conv2d.of(8, 3, 1, Activation.IDENTITY);
        NetworkSpec net = new NetworkSpec("conv", new TensorShape(4, 6, 6), List.of(conv));
        ConvKernel kernel = (ConvKernel) LayerKernels.of(net, 1);
        ConvCut cut = ConvCut.rows(4);
        long first = 2 * 24; // row 2 of block 0
        SliceWords words = kernel.words(first, 24, cut);
        assertEquals(4 * (4 * 9 + 1), words.parameterWords(), "the block's four kernels and biases");
        assertEquals(0, words.ownedParameterWords(), "a copy: the block's first row owns them");
        assertEquals(4 * 3 * 6, words.inputWords(), "input rows 1..3 of all four input channels");
        assertEquals(24, words.valueWords());
        assertEquals(0, kernel.sharedBlock(first, cut));
        assertEquals(6 * 6 * 4, kernel.blockStart(1, cut));
        long[] chw = kernel.inputRanges(first, 24, cut);
        assertEquals(4, chw.length / 2, "one range per input channel in CHW order");
        assertArrayEquals(new long[] {24, 24 + 72}, ConvCut.rows(4).stored(chw, new TensorShape(4, 6, 6)),
                "one range of a layer below cut in blocks of all four channels");
    }

    private static long[] ranges(boolean[] read) {
        long[] ranges = new long[read.length + 2];
        int n = 0;
        for (int i = 0; i < read.length; i++) {
            if (read[i]) {
                n = UnitRanges.append(ranges, n, i, i + 1);
            }
        }
        return Arrays.copyOf(ranges, n);
    }
}
