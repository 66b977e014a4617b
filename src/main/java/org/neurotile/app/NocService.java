package org.neurotile.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.neurotile.app.output.StagedOutput;
import org.neurotile.noc.routing.Routing;
import org.neurotile.noc.routing.Routings;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.noc.topology.Topology;
import org.neurotile.noc.traffic.LoadPoint;
import org.neurotile.noc.traffic.LoadRun;
import org.neurotile.noc.traffic.LoadSettings;
import org.neurotile.noc.traffic.TrafficExperiment;

/**
 * Runs {@link NocSettings}: synthetic traffic at each injection rate; prints the table and writes
 * noc.csv, noc.json and config.json (and every statistic of each rate, when asked for).
 */
final class NocService {
    private final PrintWriter printer;
    private final PrintWriter errors;
    private final MemoryCheck memoryCheck;

    /** Prints the run to {@code printer}, a progress bar to {@code errors} on a terminal. */
    NocService(PrintWriter printer, PrintWriter errors, MemoryCheck memoryCheck) {
        this.printer = printer;
        this.errors = errors;
        this.memoryCheck = memoryCheck;
    }

    /**
     * Runs {@code settings} and writes the output to {@code out}, whole or not at all; {@code configFile}
     * is the file the settings were read from (or null), which the output must not overlap.
     */
    List<LoadPoint> run(NocSettings settings, Path configFile, Path out, boolean writeStatistics) throws Exception {
        Topology network = Topologies.parse(settings.topology(), Optional.of(Topologies.parseArray(settings.array())));
        Routing route = settings.routing().isEmpty()
                ? Routings.defaultFor(network) : Routings.create(settings.routing(), network);
        TrafficExperiment experiment = new TrafficExperiment(network, route, settings.network(), settings.traffic());
        List<LoadSettings> points = new ArrayList<>();
        for (double rate : settings.rates()) {
            points.add(new LoadSettings(rate, settings.packetFlits(), settings.warmupCycles(),
                    settings.measureCycles(), settings.seed()));
        }
        memoryCheck.require(HeapEstimate.ofTraffic(network, settings.rates(), settings.packetFlits(),
                (double) settings.warmupCycles() + settings.measureCycles(), settings.threads()), "this traffic run");
        try (StagedOutput output = StagedOutput.open("--out", out, "noc", Collections.singletonList(configFile))) {
            Progress progress = Progress.onTerminal(errors, points.size());
            progress.starting("load points of " + network.spec());
            List<LoadRun> runs = experiment.sweepWithStatistics(points, settings.threads(), () -> {
                synchronized (progress) {
                    progress.stepDone();
                }
            });
            progress.finish();
            List<LoadPoint> measured = runs.stream().map(LoadRun::point).toList();
            NocReport report = new NocReport(settings, network, route, experiment.payloadBytes(settings.packetFlits()),
                    measured);
            report.printTable(printer);
            if (writeStatistics) {
                report.writeStatistics(output.directory().resolve("stats"), runs);
            }
            report.write(output.directory());
            output.commit();
            printer.println("wrote " + out.resolve("noc.csv") + ", noc.json, config.json"
                    + (writeStatistics ? ", stats/" : ""));
            return measured;
        }
    }
}
