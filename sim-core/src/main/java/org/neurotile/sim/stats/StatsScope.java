package org.neurotile.sim.stats;

/** A view of a {@link Statistics} registry that prefixes every name, e.g. {@code tile[3,4]}. */
public final class StatsScope implements StatsRegistry {
    private final Statistics root;
    private final String prefix;

    StatsScope(Statistics root, String prefix) {
        this.root = root;
        this.prefix = StatName.validate(prefix);
    }

    /** The full prefix of this scope, without a trailing dot. */
    public String prefix() {
        return prefix;
    }

    @Override
    public Counter counter(String name) {
        return root.validCounter(StatName.join(prefix, StatName.validate(name)));
    }

    @Override
    public Counter[] counters(String name, int count, String... fields) {
        return root.validCounters(StatName.join(prefix, StatName.validate(name)), count, fields);
    }

    @Override
    public Histogram histogram(String name) {
        return root.histogram(StatName.join(prefix, name));
    }

    @Override
    public StatsScope scope(String childPrefix) {
        return new StatsScope(root, StatName.join(prefix, childPrefix));
    }
}
