package org.neurotile.neuron.functional;

import java.io.IOException;

/** State kept beside the model during training (an optimizer's), written and read in a fixed order by checkpoints. */
public interface SavedState {
    void writeState(StateOutput out) throws IOException;

    /** Restores what {@link #writeState} wrote. */
    void readState(StateInput in) throws IOException;
}
