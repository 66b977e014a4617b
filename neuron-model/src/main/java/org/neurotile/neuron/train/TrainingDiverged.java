package org.neurotile.neuron.train;

import org.neurotile.sim.InvalidInputException;

/** A NaN or an infinity in a loss, weight or error: the run's settings (often the rate) do not train. */
public final class TrainingDiverged extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public TrainingDiverged(String message) {
        super(message);
    }
}
