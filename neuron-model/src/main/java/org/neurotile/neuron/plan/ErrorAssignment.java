package org.neurotile.neuron.plan;

/**
 * Which output errors each hidden neuron's feedback row uses: all of them for dfa, k for sdfa, one
 * for ssdfa. Indices are ascending and distinct.
 */
public interface ErrorAssignment {

    /** The output errors neuron {@code neuron} of hidden layer {@code layer} uses. */
    int[] errorsOf(int layer, int neuron);

    /** Every neuron uses all {@code outputs} errors: dense dfa. */
    static ErrorAssignment all(int outputs) {
        int[] every = new int[outputs];
        for (int j = 0; j < outputs; j++) {
            every[j] = j;
        }
        return (layer, neuron) -> every.clone();
    }
}
