package org.neurotile.sim.stats;

/**
 * Where components register their statistics: the root {@link Statistics} or a prefixed
 * {@link StatsScope}. Components hold on to the returned instances; lookups are not meant for
 * the per-event path.
 */
public sealed interface StatsRegistry permits Statistics, StatsScope {

    /** The counter with this name (relative to the scope), created on first use. */
    Counter counter(String name);

    /** The histogram with this name (relative to the scope), created on first use. */
    Histogram histogram(String name);

    /** A view that prefixes every name with {@code prefix + "."}. */
    StatsScope scope(String prefix);
}
