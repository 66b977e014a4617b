package org.neurotile.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.RouterKind;
import org.neurotile.noc.VcRouterParameters;
import org.neurotile.noc.routing.Routing;
import org.neurotile.noc.topology.Topology;
import org.neurotile.noc.traffic.LoadPoint;
import org.neurotile.noc.traffic.LoadRun;
import org.neurotile.noc.traffic.TrafficExperiment;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.io.AtomicFiles;
import org.neurotile.sim.stats.StatsCsvWriter;
import org.neurotile.sim.stats.StatsJsonWriter;

/** The table, CSV and JSON of a {@code neurotile noc} run. */
final class NocReport {
    private static final String[] COLUMNS = {"rate", "offered", "accepted", "expected", "latency_mean",
        "latency_p50", "latency_p99", "packets", "saturated", "latency_growth", "saturated_by"};

    private final NocSettings settings;
    private final Topology topology;
    private final Routing routing;
    private final int payloadBytes;
    private final List<LoadPoint> points;

    NocReport(NocSettings settings, Topology topology, Routing routing, int payloadBytes, List<LoadPoint> points) {
        this.settings = settings;
        this.topology = topology;
        this.routing = routing;
        this.payloadBytes = payloadBytes;
        this.points = points;
    }

    void printTable(PrintWriter out) {
        out.printf(Locale.ROOT, "%s, routing %s, traffic %s, %d-flit packets (%d B payload + %d B header)%n",
                topology.spec(), routing.name(), settings.traffic(), settings.packetFlits(), payloadBytes,
                settings.network().headerBytes());
        NocParameters n = settings.network();
        out.printf(Locale.ROOT, "delays in cycles: %slink %d, injection %d, ejection %d; %d B/cycle links; "
                        + "multicast %s%n", n.router() == RouterKind.VC ? "" : "router " + n.routerDelayCycles() + ", ",
                n.linkDelayCycles(), n.injectionCycles(),
                n.ejectionCycles(), n.linkWidthBytes(), n.multicast().id());
        if (n.router() == RouterKind.VC) {
            VcRouterParameters vc = n.vc();
            out.printf(Locale.ROOT, "vc router: %d VCs x %d flits, VC allocator %s, switch allocator %s; stages (cycles) "
                            + "routing %d, VC allocation %d, switch allocation %d, traversal %d; credit delay %d%n",
                    vc.virtualChannels(), vc.bufferDepthFlits(), vc.vcAllocator().id(), vc.switchAllocator().id(),
                    vc.routingDelayCycles(), vc.vcAllocDelayCycles(), vc.switchAllocDelayCycles(),
                    vc.switchTraversalDelayCycles(), vc.creditDelayCycles());
        }
        out.printf(Locale.ROOT, "window %d cycles after %d warm-up; throughput in flits/node/cycle, latency in cycles%n",
                settings.measureCycles(), settings.warmupCycles());
        out.printf(Locale.ROOT, "%6s %9s %9s %9s %9s %7s %7s %9s %7s%n",
                "rate", "offered", "accepted", "expected", "mean", "p50", "p99", "packets", "growth");
        for (LoadPoint p : points) {
            out.printf(Locale.ROOT, "%6.3f %9.4f %9.4f %9.4f %9.1f %7.0f %7.0f %9d %7.2f%s%n",
                    p.rateFlitsPerNodeCycle(), p.offeredFlitsPerNodeCycle(), p.acceptedFlitsPerNodeCycle(),
                    p.expectedFlitsPerNodeCycle(), p.meanLatencyCycles(), p.p50LatencyCycles(),
                    p.p99LatencyCycles(), p.packetsMeasured(), p.latencyGrowth(),
                    p.saturated() ? "  saturated (" + p.saturatedBy() + ")" : "");
        }
        out.printf(Locale.ROOT, "growth: mean latency of the window's last quarter / first; saturated: accepted over "
                + "%.0f %% short of expected (throughput) or latency rising every quarter, x%.1f in all (latency)%n",
                TrafficExperiment.THROUGHPUT_TOLERANCE * 100, TrafficExperiment.LATENCY_GROWTH_LIMIT);
    }

    /** One CSV and one JSON file of every statistic per rate, named by the rate. */
    void writeStatistics(Path directory, List<LoadRun> runs) throws IOException {
        for (LoadRun run : runs) {
            String name = "rate-" + run.point().rateFlitsPerNodeCycle();
            new StatsCsvWriter().write(run.statistics(), directory.resolve(name + ".csv"));
            new StatsJsonWriter().write(run.statistics(), directory.resolve(name + ".json"));
        }
    }

    void write(Path directory) throws IOException {
        AtomicFiles.writeUtf8(directory.resolve("noc.csv"), writer -> {
            writer.write(String.join(",", COLUMNS) + "\n");
            for (LoadPoint p : points) {
                writer.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%d,%b,%s,%s%n",
                        p.rateFlitsPerNodeCycle(), p.offeredFlitsPerNodeCycle(), p.acceptedFlitsPerNodeCycle(),
                        p.expectedFlitsPerNodeCycle(), p.meanLatencyCycles(), p.p50LatencyCycles(),
                        p.p99LatencyCycles(), p.packetsMeasured(), p.saturated(), p.latencyGrowth(),
                        p.saturatedBy()));
            }
        });
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("topology", topology.spec());
        document.put("routing", routing.name());
        document.put("payloadBytes", payloadBytes);
        document.put("config", settings.asConfig());
        document.put("points", points);
        AtomicFiles.writeUtf8(directory.resolve("noc.json"), writer -> json.writeValue(writer, document));
        AtomicFiles.writeUtf8(directory.resolve("config.json"), writer -> json.writeValue(writer, settings.asConfig()));
    }
}
