package org.neurotile.neuron.rules.feedback;

import java.util.Arrays;

/**
 * Layers 1..L in consecutive modules of any size, given by the first layer of each (ascending,
 * starting at 1): blocked dfa with uneven blocks. A layer of the top module (the one holding layer
 * L) feeds back e; a layer of a lower module the delta of the first (shallowest) layer of the module
 * above it. One module is dfa; modules of one layer each are fa.
 */
public final class FeedbackModules implements FeedbackSources {
    private final int layers;
    private final int[] firsts;

    private FeedbackModules(int layers, int[] firsts) {
        this.layers = layers;
        this.firsts = firsts;
    }

    /**
     * Modules starting at {@code firsts}: 1 first, each later start above the one before and at most
     * L.
     */
    public static FeedbackModules startingAt(int layers, int... firsts) {
        if (layers < 1 || firsts.length == 0 || firsts[0] != 1) {
            throw new IllegalArgumentException("modules of " + layers + " layers must start at layer 1, got "
                    + Arrays.toString(firsts));
        }
        for (int m = 1; m < firsts.length; m++) {
            if (firsts[m] <= firsts[m - 1] || firsts[m] > layers) {
                throw new IllegalArgumentException("module starts must rise within 1.." + layers + ", got "
                        + Arrays.toString(firsts));
            }
        }
        return new FeedbackModules(layers, firsts.clone());
    }

    @Override
    public int layers() {
        return layers;
    }

    /** The number of modules. */
    public int count() {
        return firsts.length;
    }

    /** The first layer of module {@code m} (0: the lowest). */
    public int first(int m) {
        return firsts[m];
    }

    /** The last layer of module {@code m}. */
    public int last(int m) {
        return m + 1 < firsts.length ? firsts[m + 1] - 1 : layers;
    }

    /** The module of {@code layer}, 0 being the lowest. */
    public int moduleOf(int layer) {
        if (layer < 1 || layer > layers) {
            throw new IndexOutOfBoundsException("layer " + layer + " outside 1.." + layers);
        }
        int m = firsts.length - 1;
        while (firsts[m] > layer) {
            m--;
        }
        return m;
    }

    @Override
    public int sourceOf(int layer) {
        int m = moduleOf(layer);
        return m == firsts.length - 1 ? layers : firsts[m + 1];
    }

    /** The modules as {@code modules=} writes them: ranges joined by '/', e.g. {@code 1/2-3/4-6}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int m = 0; m < firsts.length; m++) {
            text.append(m == 0 ? "" : "/").append(first(m));
            if (last(m) > first(m)) {
                text.append('-').append(last(m));
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeedbackModules that && layers == that.layers && Arrays.equals(firsts, that.firsts);
    }

    @Override
    public int hashCode() {
        return 31 * layers + Arrays.hashCode(firsts);
    }
}
