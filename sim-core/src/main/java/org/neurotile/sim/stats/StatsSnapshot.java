package org.neurotile.sim.stats;

import java.util.List;
import java.util.Optional;

/** Immutable values of a registry's enabled statistics at one instant, each list sorted by name. */
public record StatsSnapshot(List<CounterValue> counters, List<HistogramSummary> histograms) {

    public StatsSnapshot {
        counters = List.copyOf(counters);
        histograms = List.copyOf(histograms);
    }

    public record CounterValue(String name, long value) {}

    public record HistogramSummary(
            String name, long count, long sum, double mean, long min, long max, long p50, long p90, long p99) {

        static HistogramSummary of(String name, Histogram histogram) {
            return new HistogramSummary(
                    name,
                    histogram.count(),
                    histogram.sum(),
                    histogram.mean(),
                    histogram.min(),
                    histogram.max(),
                    histogram.percentile(50),
                    histogram.percentile(90),
                    histogram.percentile(99));
        }
    }

    public Optional<CounterValue> counter(String name) {
        return counters.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<HistogramSummary> histogram(String name) {
        return histograms.stream().filter(h -> h.name().equals(name)).findFirst();
    }
}
