package org.neurotile.sim.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neurotile.sim.InvalidInputException;

/**
 * The registry of a simulation's statistics, keyed by hierarchical name such as
 * {@code tile[3,4].sram.weightReads}. Not thread-safe: one registry per simulation.
 *
 * <p>Only names matching one of the enabled globs are collected ({@code *} matches within a
 * segment, {@code **} across segments). A disabled name gets a shared no-op instance that is left
 * out of snapshots.
 */
public final class Statistics implements StatsRegistry {
    private final List<StatGlob> enabled;
    private final boolean allEnabled;
    // Disabled names are kept too, so a kind clash is reported whether or not the name is enabled.
    private final Map<String, Object> byName = new HashMap<>();

    /** A registry with every statistic enabled. */
    public Statistics() {
        this(List.of("**"));
    }

    /** A registry collecting only names that match one of {@code enabledGlobs}. */
    public Statistics(List<String> enabledGlobs) {
        this.enabled = enabledGlobs.stream().map(StatGlob::compile).toList();
        this.allEnabled = enabledGlobs.contains("**");
    }

    /** Whether a statistic with this full name would be collected. */
    public boolean isEnabled(String name) {
        if (allEnabled) {
            return true;
        }
        for (final StatGlob glob : enabled) {
            if (glob.matches(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Counter counter(String name) {
        return validCounter(StatName.validate(name));
    }

    /** The counter of a name known to be valid: a scope joins its checked prefix and a checked name. */
    Counter validCounter(String name) {
        final Object existing = byName.get(name);
        if (existing == null) {
            final Counter created = isEnabled(name) ? new LiveCounter() : DisabledCounter.INSTANCE;
            byName.put(name, created);
            return created;
        }
        if (existing instanceof Counter counter) {
            return counter;
        }
        throw kindClash(name, "counter", "histogram");
    }

    @Override
    public Histogram histogram(String name) {
        final Object existing = byName.get(name);
        if (existing == null) {
            final Histogram created =
                    isEnabled(StatName.validate(name)) ? new LiveHistogram() : DisabledHistogram.INSTANCE;
            byName.put(name, created);
            return created;
        }
        if (existing instanceof Histogram histogram) {
            return histogram;
        }
        throw kindClash(name, "histogram", "counter");
    }

    @Override
    public StatsScope scope(String prefix) {
        return new StatsScope(this, prefix);
    }

    /** The current values of every enabled statistic, sorted by name. */
    public StatsSnapshot snapshot() {
        final List<StatsSnapshot.CounterValue> counters = new ArrayList<>();
        final List<StatsSnapshot.HistogramSummary> histograms = new ArrayList<>();
        for (final Map.Entry<String, Object> entry : byName.entrySet()) {
            if (entry.getValue() instanceof LiveCounter counter) {
                counters.add(new StatsSnapshot.CounterValue(entry.getKey(), counter.value()));
            } else if (entry.getValue() instanceof LiveHistogram histogram) {
                histograms.add(StatsSnapshot.HistogramSummary.of(entry.getKey(), histogram));
            }
        }
        counters.sort(Comparator.comparing(StatsSnapshot.CounterValue::name));
        histograms.sort(Comparator.comparing(StatsSnapshot.HistogramSummary::name));
        return new StatsSnapshot(counters, histograms);
    }

    private static InvalidInputException kindClash(String name, String wanted, String existing) {
        return new InvalidInputException(
                "statistic '" + name + "' is registered as a " + existing + " and cannot also be a " + wanted);
    }
}
