package org.neurotile.neuron.plan;

/**
 * The spec's closed form of a rule's backward pass (error and update phases), no biases: reads,
 * writes, MACs and words moved. Each rule's package derives its own.
 */
public record ClosedForm(long reads, long writes, long macs, long wordsMoved) {
}
