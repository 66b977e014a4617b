package org.neurotile.neuron.chip;

/**
 * A storage model with a minibatch buffer: a tile keeps the inputs h_{l-1} of each of the B
 * examples of a batch (once per tile and layer, as with one example) and each neuron keeps its B
 * deltas: B * (n_{l-1} + c) words for c neurons of a layer. With B = 1 the delta goes straight from
 * the error to the update and takes no memory, so the storage is the base's.
 */
record BatchStorage(StorageModel base, int batch, int wordBytes) implements StorageModel {

    static StorageModel of(StorageModel base, int batch, int wordBytes) {
        return batch == 1 ? base : new BatchStorage(base, batch, wordBytes);
    }

    @Override
    public long weightBytesPerNeuron(int layer) {
        return base.weightBytesPerNeuron(layer);
    }

    @Override
    public long feedbackBytesPerNeuron(int layer) {
        return base.feedbackBytesPerNeuron(layer);
    }

    @Override
    public long activationBytesPerNeuron(int layer) {
        return base.activationBytesPerNeuron(layer) + (long) batch * wordBytes;
    }

    @Override
    public long optimizerBytesPerNeuron(int layer) {
        return base.optimizerBytesPerNeuron(layer);
    }

    @Override
    public long inputBytesPerTile(int layer) {
        return batch * base.inputBytesPerTile(layer);
    }
}
