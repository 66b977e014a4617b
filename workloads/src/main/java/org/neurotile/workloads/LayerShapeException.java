package org.neurotile.workloads;

/** A layer of a network cannot read what the layer below gives it; {@link #layer()} says which (1-based). */
public final class LayerShapeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int layer;

    public LayerShapeException(int layer, String message, Throwable cause) {
        super(message, cause);
        this.layer = layer;
    }

    /** The layer, 1-based as in the spec. */
    public int layer() {
        return layer;
    }
}
