package org.neurotile.noc.traffic;

import org.neurotile.sim.stats.StatsSnapshot;

/** A load point's summary with every statistic the run collected (per link, latency histograms). */
public record LoadRun(LoadPoint point, StatsSnapshot statistics) {
}
