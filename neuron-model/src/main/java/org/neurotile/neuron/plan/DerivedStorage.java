package org.neurotile.neuron.plan;

import java.util.function.IntToLongFunction;

/** A storage model with other feedback, activation, optimizer or input bytes than its base. */
record DerivedStorage(StorageModel base, IntToLongFunction feedbackBytes, StorageModel.SliceFeedbackBytes sliceFeedbackBytes,
                      IntToLongFunction activationBytes,
                      IntToLongFunction optimizerBytes, IntToLongFunction inputBytes) implements StorageModel {

    @Override
    public long weightBytesPerWord(int layer) {
        return base.weightBytesPerWord(layer);
    }

    @Override
    public long feedbackBytesPerNeuron(int layer) {
        return feedbackBytes.applyAsLong(layer);
    }

    @Override
    public long feedbackBytes(int layer, long first, long count) {
        return sliceFeedbackBytes.of(layer, first, count);
    }

    @Override
    public long activationBytesPerNeuron(int layer) {
        return activationBytes.applyAsLong(layer);
    }

    @Override
    public long optimizerBytesPerWord(int layer) {
        return optimizerBytes.applyAsLong(layer);
    }

    @Override
    public long inputBytesPerWord(int layer) {
        return inputBytes.applyAsLong(layer);
    }
}
