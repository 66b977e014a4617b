package org.neurotile.noc.traffic;

/**
 * What one load point measured. Throughputs are flits per tile per cycle over the measurement
 * window, averaged over all tiles: offered counts flits injected, accepted counts flits ejected
 * (each destination's copy of a multicast counts).
 *
 * @param rateFlitsPerNodeCycle the configured rate
 * @param offeredFlitsPerNodeCycle flits injected during the window
 * @param acceptedFlitsPerNodeCycle flits ejected during the window
 * @param expectedFlitsPerNodeCycle what would be ejected if the network kept up: offered times the
 *     number of destinations of each packet
 * @param meanLatencyCycles mean latency of the packets sent in the window (send to last flit)
 * @param p50LatencyCycles median of that latency
 * @param p99LatencyCycles 99th percentile of that latency
 * @param packetsMeasured deliveries of packets sent in the window
 * @param latencyGrowth mean latency of the packets sent in the last quarter of the window over that of
 *     the first quarter (1 in steady state; NaN when a quarter delivered nothing)
 * @param saturated the network could not keep up: accepted fell short of expected by more than
 *     {@link TrafficExperiment#THROUGHPUT_TOLERANCE}, or latency kept growing over the window
 *     (quarter by quarter, by {@link TrafficExperiment#LATENCY_GROWTH_LIMIT} in all)
 * @param saturatedBy why: {@code throughput}, {@code latency}, both joined by {@code +}, or empty
 * @param deliveries every delivery of the run, warm-up and drain included
 * @param cyclesSimulated cycles until every packet was delivered
 * @param eventsDispatched simulation events, for performance accounting
 */
public record LoadPoint(
        double rateFlitsPerNodeCycle,
        double offeredFlitsPerNodeCycle,
        double acceptedFlitsPerNodeCycle,
        double expectedFlitsPerNodeCycle,
        double meanLatencyCycles,
        double p50LatencyCycles,
        double p99LatencyCycles,
        long packetsMeasured,
        double latencyGrowth,
        boolean saturated,
        String saturatedBy,
        long deliveries,
        long cyclesSimulated,
        long eventsDispatched) {
}
