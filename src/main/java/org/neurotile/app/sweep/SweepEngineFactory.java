package org.neurotile.app.sweep;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * An engine that lives in another module (Spark), found on the class path through
 * {@link ServiceLoader}, so that the application does not depend on it: {@code --engine NAME} asks
 * every factory on the class path for the one of that name.
 */
public interface SweepEngineFactory {
    /** The name after {@code --engine}. */
    String name();

    /**
     * The engine for a sweep run with {@code threads} points at once on this machine, on
     * {@code master} where the engine has one (a Spark master URL) or its default.
     */
    SweepEngine create(int threads, Optional<String> master);

    /** The factory of {@code name} on the class path, if any. */
    static Optional<SweepEngineFactory> find(String name) {
        return ServiceLoader.load(SweepEngineFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(factory -> factory.name().equals(name)).findFirst();
    }
}
