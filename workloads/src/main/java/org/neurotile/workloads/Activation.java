package org.neurotile.workloads;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.neurotile.sim.InvalidInputException;

/**
 * The element-wise non-linearity f of a layer, h = f(a). The output layer is {@link #IDENTITY}:
 * softmax and cross-entropy are part of the loss, not of the layer.
 *
 * <p>The array versions switch once per call, not once per element, so the arithmetic of a layer
 * runs as a plain loop over primitives.
 */
public enum Activation {
    RELU("relu"),
    TANH("tanh"),
    SIGMOID("sigmoid"),
    IDENTITY("identity");

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** The name used in network files and on the command line, e.g. {@code relu}. */
    public String id() {
        return id;
    }

    /** The activation called {@code name} (case-insensitive); the error lists the valid names. */
    public static Activation byName(String name) {
        final String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (final Activation activation : values()) {
            if (activation.id.equals(wanted)) {
                return activation;
            }
        }
        throw new InvalidInputException("unknown activation '" + name + "' (valid: " + String.join(", ", ids()) + ")");
    }

    /** The ids of all activations, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Activation::id).toList();
    }

    public double apply(double preActivation) {
        return switch (this) {
            case RELU -> preActivation > 0.0 ? preActivation : 0.0;
            case TANH -> Math.tanh(preActivation);
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-preActivation));
            case IDENTITY -> preActivation;
        };
    }

    /** f'(a). For relu the derivative at exactly 0 is taken as 0 (the usual subgradient choice). */
    public double derivative(double preActivation) {
        return switch (this) {
            case RELU -> preActivation > 0.0 ? 1.0 : 0.0;
            case TANH -> {
                final double t = Math.tanh(preActivation);
                yield 1.0 - t * t;
            }
            case SIGMOID -> {
                final double s = 1.0 / (1.0 + Math.exp(-preActivation));
                yield s * (1.0 - s);
            }
            case IDENTITY -> 1.0;
        };
    }

    public float apply(float preActivation) {
        return (float) apply((double) preActivation);
    }

    public float derivative(float preActivation) {
        return (float) derivative((double) preActivation);
    }

    /** {@code into[i] = f(preActivations[i])} for i below {@code count}; the arrays may be the same. */
    public void apply(float[] preActivations, float[] into, int count) {
        checkCount(preActivations, into, count);
        switch (this) {
            case RELU -> {
                for (int i = 0; i < count; i++) {
                    into[i] = preActivations[i] > 0f ? preActivations[i] : 0f;
                }
            }
            case IDENTITY -> System.arraycopy(preActivations, 0, into, 0, count);
            default -> {
                for (int i = 0; i < count; i++) {
                    into[i] = apply(preActivations[i]);
                }
            }
        }
    }

    /** {@code into[i] = f'(preActivations[i])} for i below {@code count}; the arrays may be the same. */
    public void derivative(float[] preActivations, float[] into, int count) {
        checkCount(preActivations, into, count);
        switch (this) {
            case RELU -> {
                for (int i = 0; i < count; i++) {
                    into[i] = preActivations[i] > 0f ? 1f : 0f;
                }
            }
            case IDENTITY -> Arrays.fill(into, 0, count, 1f);
            default -> {
                for (int i = 0; i < count; i++) {
                    into[i] = derivative(preActivations[i]);
                }
            }
        }
    }

    private static void checkCount(float[] from, float[] into, int count) {
        if (count < 0 || count > from.length || count > into.length) {
            throw new IllegalArgumentException("count " + count + " outside arrays of length " + from.length
                    + " and " + into.length);
        }
    }
}
