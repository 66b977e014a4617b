package org.neurotile.app.sweep;

import java.io.Serializable;

/**
 * A point's configuration with every default filled in, as JSON: all that a {@link PointFunction}
 * needs to run it, on this machine or another.
 *
 * @param index      the point's place in the sweep, from 0
 * @param configJson every key of the point's configuration, resolved
 * @param configHash SHA-256 of {@code configJson}
 */
public record ResolvedPoint(int index, String configJson, String configHash) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The point of {@code configJson}, hashed. */
    public static ResolvedPoint of(int index, String configJson) {
        return new ResolvedPoint(index, configJson, SweepFile.sha256(configJson));
    }
}
