package org.neurotile.neuron.rules.convdfa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.neurotile.workloads.TensorShape;

/** The rows of the source delta a slice's feedback windows read. */
class FeedbackWindowsTest {

    @Test
    void theWholeLayerReadsTheWholeSourceMap() {
        FeedbackWindows w = new FeedbackWindows(new TensorShape(3, 4, 5), new TensorShape(2, 4, 4), 3, 1, 1);
        assertArrayEquals(new long[] {0, 60}, w.sourceRanges(0, 32));
        assertEquals(2, w.channels(0, 32));
    }

    @Test
    void aRowOfOneChannelReadsItsRowsAndTheHaloOfEveryChannelOfItsGroup() {
        // 6x6 target, 3x3 kernel: row 2 reads rows 1..3 of the same-size source, of group 1's channels 2 and 3
        FeedbackWindows w = new FeedbackWindows(new TensorShape(4, 6, 6), new TensorShape(4, 6, 6), 3, 1, 2);
        long map = 36;
        long first = 1 * map + 2 * 6; // channel 1 (group 1 mod 2), row 2
        assertArrayEquals(new long[] {2 * map + 6, 2 * map + 24, 3 * map + 6, 3 * map + 24}, w.sourceRanges(first, 6));
        assertEquals(1, w.channels(first, 6));
    }

    @Test
    void dilationWidensTheHalo() {
        FeedbackWindows w = new FeedbackWindows(new TensorShape(1, 8, 2), new TensorShape(1, 8, 2), 3, 3, 1);
        assertArrayEquals(new long[] {2, 16}, w.sourceRanges(8, 2)); // row 4 reaches rows 1..7
    }

    @Test
    void aSmallerSourceIsReadAtTheRowsTheResizeSamples() {
        // target rows 0..1 with a 1x1 kernel sample source rows 0 and 0 of a map half as high
        FeedbackWindows w = new FeedbackWindows(new TensorShape(1, 2, 3), new TensorShape(1, 4, 4), 1, 1, 1);
        assertArrayEquals(new long[] {0, 3}, w.sourceRanges(0, 8));
        assertArrayEquals(new long[] {3, 6}, w.sourceRanges(8, 8));
    }
}
