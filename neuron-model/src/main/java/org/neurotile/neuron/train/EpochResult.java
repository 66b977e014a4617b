package org.neurotile.neuron.train;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One epoch of training: its learning rate, the mean train loss and accuracy, the test loss and
 * accuracy, and, when measured, the alignment with bp per hidden layer in layer order
 * ({@link Alignment}; empty maps otherwise), and the examples whose gradient was clipped (0 without
 * clipping).
 */
public record EpochResult(int epoch, double learningRate, double trainLoss, double trainAccuracy, double testLoss,
                          double testAccuracy, double wallSeconds, Map<Integer, Double> updateAngleDegrees,
                          Map<Integer, Double> feedbackAngleDegrees, long clippedExamples) {
    public EpochResult {
        updateAngleDegrees = Collections.unmodifiableMap(new TreeMap<>(updateAngleDegrees));
        feedbackAngleDegrees = Collections.unmodifiableMap(new TreeMap<>(feedbackAngleDegrees));
    }

    /** Without clipping. */
    public EpochResult(int epoch, double learningRate, double trainLoss, double trainAccuracy, double testLoss,
                       double testAccuracy, double wallSeconds, Map<Integer, Double> updateAngleDegrees,
                       Map<Integer, Double> feedbackAngleDegrees) {
        this(epoch, learningRate, trainLoss, trainAccuracy, testLoss, testAccuracy, wallSeconds, updateAngleDegrees,
                feedbackAngleDegrees, 0);
    }

    public EpochResult(int epoch, double learningRate, double trainLoss, double trainAccuracy, double testLoss,
                       double testAccuracy, double wallSeconds) {
        this(epoch, learningRate, trainLoss, trainAccuracy, testLoss, testAccuracy, wallSeconds, Map.of(), Map.of());
    }
}
