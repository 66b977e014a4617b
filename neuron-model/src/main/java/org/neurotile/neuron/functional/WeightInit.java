package org.neurotile.neuron.functional;

import java.util.Arrays;
import java.util.List;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.LayerShape;

/**
 * How the forward weights W_l start: each weight uniform in [-bound, bound] from the layer's stream
 * (or zero), the bound given by the layer's fan-in and fan-out. Every convention draws the same
 * values and scales them, so two conventions differ only by a factor per layer.
 *
 * <ul>
 *   <li>{@code by-activation} (default): {@code he} for relu layers, {@code xavier} for the others.
 *   <li>{@code uniform-fan-in}: bound 1/sqrt(fan-in), the learning-rules spec's stated default;
 *       variance 1/(3 fan-in), which shrinks a relu network's activations about 6-fold in variance per
 *       layer (a 100-layer network then passes nothing to its output).
 *   <li>{@code he}: bound sqrt(6/fan-in), variance 2/fan-in (He et al. 2015, uniform form), which
 *       keeps a relu layer's activations at the scale of its input.
 *   <li>{@code xavier}: bound sqrt(6/(fan-in + fan-out)) (Glorot and Bengio 2010, uniform form), the
 *       SSDFA authors' default ({@code glorot_uniform}).
 *   <li>{@code lecun}: bound sqrt(3/fan-in), variance 1/fan-in (LeCun et al. 1998).
 *   <li>{@code zeros}: every weight zero, as the feedback-alignment rules can start (Nokland 2016):
 *       their deltas do not pass through the forward weights. bp cannot learn from it, nor can a relu
 *       layer (its derivative at 0 is 0).
 * </ul>
 */
public enum WeightInit {
    BY_ACTIVATION("by-activation"),
    UNIFORM_FAN_IN("uniform-fan-in"),
    HE("he"),
    XAVIER("xavier"),
    LECUN("lecun"),
    ZEROS("zeros");

    /** The convention of a run that does not choose one. */
    public static final WeightInit DEFAULT = BY_ACTIVATION;

    private final String id;

    WeightInit(String id) {
        this.id = id;
    }

    /** The name on the command line and in config.json. */
    public String id() {
        return id;
    }

    /** The bound of a layer of this shape and activation: its weights are uniform in [-bound, bound]. */
    public double bound(LayerShape shape, Activation activation) {
        return switch (this) {
            case BY_ACTIVATION -> (activation == Activation.RELU ? HE : XAVIER).bound(shape, activation);
            case UNIFORM_FAN_IN -> 1 / Math.sqrt(shape.fanIn());
            case HE -> Math.sqrt(6.0 / shape.fanIn());
            case XAVIER -> Math.sqrt(6.0 / (shape.fanIn() + shape.fanOut()));
            case LECUN -> Math.sqrt(3.0 / shape.fanIn());
            case ZEROS -> 0;
        };
    }

    /** The convention called {@code name}; the error names {@code option} and the valid names. */
    public static WeightInit parse(String name, String option) {
        for (WeightInit init : values()) {
            if (init.id.equals(name)) {
                return init;
            }
        }
        throw new InvalidInputException(option + " must be one of " + String.join(", ", ids()) + ", got '" + name
                + "'");
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(WeightInit::id).toList();
    }
}
