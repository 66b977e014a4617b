package org.neurotile.workloads.data;

import org.apache.commons.rng.UniformRandomProvider;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.random.PolarGaussian;
import org.neurotile.sim.random.RandomStreams;

/**
 * Random examples of a given shape: standard-Gaussian inputs and uniformly drawn labels, for runs
 * that measure cost rather than accuracy. The same seed gives the same data on any machine.
 */
public record SyntheticDataset(long seed, int inputSize, int classes, int count) {
    /** The random stream paths, under the run's seed. */
    public static final String INPUTS_STREAM = "dataset.synthetic.inputs";
    public static final String LABELS_STREAM = "dataset.synthetic.labels";

    public SyntheticDataset {
        if (inputSize < 1 || classes < 1 || count < 1) {
            throw new InvalidInputException("synthetic data set needs input size, classes and count >= 1, got "
                    + inputSize + ", " + classes + " and " + count);
        }
        if ((long) inputSize * count > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("synthetic data set of " + count + " examples of " + inputSize
                    + " inputs is too large: at most " + (Integer.MAX_VALUE - 8) + " input values");
        }
    }

    public Dataset generate() {
        final RandomStreams streams = new RandomStreams(seed);
        final float[] inputs = new float[inputSize * count];
        final PolarGaussian gaussian = new PolarGaussian(streams.stream(INPUTS_STREAM));
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) gaussian.next();
        }
        final UniformRandomProvider labelRandom = streams.stream(LABELS_STREAM);
        final int[] labels = new int[count];
        for (int e = 0; e < count; e++) {
            labels[e] = labelRandom.nextInt(classes);
        }
        return new Dataset("synthetic(seed=" + seed + ")", inputSize, classes, inputs, labels);
    }
}
