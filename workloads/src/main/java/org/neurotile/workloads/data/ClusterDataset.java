package org.neurotile.workloads.data;

import org.apache.commons.rng.UniformRandomProvider;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.random.PolarGaussian;
import org.neurotile.sim.random.RandomStreams;

/**
 * A learnable synthetic data set: each class has a centre drawn from a standard Gaussian, and an
 * example is its class's centre plus Gaussian noise of standard deviation {@code noise}; labels are
 * uniform. Training on it shows whether a rule learns, without a data file. Seeded and portable.
 */
public record ClusterDataset(long seed, int inputSize, int classes, int count, double noise) {
    public static final String CENTRES_STREAM = "dataset.clusters.centres";
    public static final String INPUTS_STREAM = "dataset.clusters.inputs";
    public static final String LABELS_STREAM = "dataset.clusters.labels";

    public ClusterDataset {
        new SyntheticDataset(seed, inputSize, classes, count); // the same size checks
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new InvalidInputException("cluster noise must be a finite number >= 0, got " + noise);
        }
    }

    /** {@code count} examples; {@code offset} skips that many first, so a test split can follow a train split. */
    public Dataset generate(int offset) {
        RandomStreams streams = new RandomStreams(seed);
        PolarGaussian centreRandom = new PolarGaussian(streams.stream(CENTRES_STREAM));
        double[] centres = new double[classes * inputSize];
        for (int k = 0; k < centres.length; k++) {
            centres[k] = centreRandom.next();
        }
        UniformRandomProvider labelRandom = streams.stream(LABELS_STREAM);
        PolarGaussian noiseRandom = new PolarGaussian(streams.stream(INPUTS_STREAM));
        float[] inputs = new float[inputSize * count];
        int[] labels = new int[count];
        for (int e = 0; e < offset + count; e++) {
            int label = labelRandom.nextInt(classes);
            for (int i = 0; i < inputSize; i++) {
                double value = centres[label * inputSize + i] + noise * noiseRandom.next();
                if (e >= offset) {
                    inputs[(e - offset) * inputSize + i] = (float) value;
                }
            }
            if (e >= offset) {
                labels[e - offset] = label;
            }
        }
        return new Dataset("clusters(seed=" + seed + ", noise=" + noise + ")", inputSize, classes, inputs, labels);
    }
}
