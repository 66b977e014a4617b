package org.neurotile.neuron.plan;

/**
 * Which output errors each hidden neuron's feedback row uses: all of them for dfa, k for sdfa, one
 * for ssdfa. Indices are ascending and distinct.
 */
public interface ErrorAssignment {

    /** The output errors neuron {@code neuron} of hidden layer {@code layer} uses. */
    int[] errorsOf(int layer, int neuron);

    /** How many errors every neuron uses, where that is one number; 0 where neurons differ. */
    default int errorsPerNeuron() {
        return 0;
    }

    /** Every neuron uses all {@code outputs} errors: dense dfa. */
    static ErrorAssignment all(int outputs) {
        int[] every = new int[outputs];
        for (int j = 0; j < outputs; j++) {
            every[j] = j;
        }
        return new ErrorAssignment() {
            @Override
            public int[] errorsOf(int layer, int neuron) {
                return every.clone();
            }

            @Override
            public int errorsPerNeuron() {
                return outputs;
            }
        };
    }
}
