package org.neurotile.neuron.train;

/** One epoch of training: its learning rate, the mean train loss and accuracy, the test loss and accuracy. */
public record EpochResult(int epoch, double learningRate, double trainLoss, double trainAccuracy, double testLoss,
                          double testAccuracy, double wallSeconds) {
}
