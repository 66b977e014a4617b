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
    private final List<CounterFamily> families = new ArrayList<>();

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
            final Counter member = familyMember(name);
            if (member != null) {
                return member;
            }
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
            if (familyMember(name) != null) {
                throw kindClash(name, "histogram", "counter");
            }
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
    public Counter[] counters(String name, int count, String... fields) {
        return validCounters(StatName.validate(name), count, fields);
    }

    /**
     * The family {@code base[i].field} of a base known to be valid (see {@link CounterFamily});
     * registering the same family again gives the same counters. A family is registered before
     * any of its names is asked for alone (then they are its members); registering it after is
     * not looked for here, where it would cost a pass over every name, but fails the snapshot.
     */
    Counter[] validCounters(String base, int count, String... fields) {
        if (count < 0 || fields.length == 0) {
            throw new IllegalArgumentException("a counter family needs count >= 0 and fields: " + base);
        }
        final List<String> fieldList = List.of(fields);
        for (final String field : fieldList) {
            StatName.validate(field);
        }
        for (final CounterFamily family : families) {
            if (family.base().equals(base)) {
                if (family.count() == count && family.fields().equals(fieldList)) {
                    return family.counters();
                }
                throw new InvalidInputException("statistic family '" + base + "' is already registered with "
                        + family.count() + " elements of " + family.fields());
            }
        }
        final CounterFamily family = new CounterFamily(base, count, fieldList, new Counter[count * fields.length]);
        final Counter[] counters = family.counters();
        for (int index = 0; index < count; index++) {
            for (int field = 0; field < fields.length; field++) {
                counters[index * fields.length + field] = allEnabled || isEnabled(family.name(index, field))
                        ? new LiveCounter() : DisabledCounter.INSTANCE;
            }
        }
        families.add(family);
        return counters;
    }

    private Counter familyMember(String name) {
        for (final CounterFamily family : families) {
            final int position = family.positionOf(name);
            if (position >= 0) {
                return family.counters()[position];
            }
        }
        return null;
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
            if (!families.isEmpty() && familyMember(entry.getKey()) != null) {
                throw new IllegalStateException("statistic '" + entry.getKey()
                        + "' was registered alone before the family it belongs to");
            }
            if (entry.getValue() instanceof LiveCounter counter) {
                counters.add(new StatsSnapshot.CounterValue(entry.getKey(), counter.value()));
            } else if (entry.getValue() instanceof LiveHistogram histogram) {
                histograms.add(StatsSnapshot.HistogramSummary.of(entry.getKey(), histogram));
            }
        }
        for (final CounterFamily family : families) {
            final Counter[] members = family.counters();
            final int fields = family.fields().size();
            for (int position = 0; position < members.length; position++) {
                if (members[position] instanceof LiveCounter counter) {
                    counters.add(new StatsSnapshot.CounterValue(
                            family.name(position / fields, position % fields), counter.value()));
                }
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
