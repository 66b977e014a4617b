package org.neurotile.sim.stats;

/**
 * Where components register their statistics: the root {@link Statistics} or a prefixed
 * {@link StatsScope}. Components hold on to the returned instances; lookups are not meant for
 * the per-event path.
 */
public sealed interface StatsRegistry permits Statistics, StatsScope {

    /** The counter with this name (relative to the scope), created on first use. */
    Counter counter(String name);

    /**
     * The counters {@code name[i].field} for i in 0..count-1 and each field, as one array with
     * element (i, field) at {@code i * fields.length + field}: the same counters as asking for each
     * name, registered without building the names (a network's per-link counters).
     */
    Counter[] counters(String name, int count, String... fields);

    /** The histogram with this name (relative to the scope), created on first use. */
    Histogram histogram(String name);

    /** A view that prefixes every name with {@code prefix + "."}. */
    StatsScope scope(String prefix);
}
