package org.neurotile.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Counts;
import org.neurotile.neuron.counts.Pricing;
import org.neurotile.reports.charts.ChartFiles;
import org.neurotile.reports.charts.Charts;
import org.neurotile.reports.energy.Energy;
import org.neurotile.reports.energy.EnergyKind;
import org.neurotile.reports.html.Figure;

/** The report's charts, written under charts/ as PNG and SVG. */
final class ReportCharts {
    /** The local-memory categories that read, and those that write. */
    static final List<Category> READS = memoryAccesses(Pricing.MEMORY_READ);
    static final List<Category> WRITES = memoryAccesses(Pricing.MEMORY_WRITE);
    static final int MAX_TIMELINE_TILES = 48;

    private final Path directory;
    private final ReportEnergy energy;

    ReportCharts(Path reportDirectory, ReportEnergy energy) {
        this.directory = reportDirectory.resolve("charts");
        this.energy = energy;
    }

    /** Energy per example by rule, and stacked by kind for every run. */
    List<Figure> energy(List<RunResult> runs) throws IOException {
        List<Figure> figures = new ArrayList<>();
        List<String> workloads = new ArrayList<>(new LinkedHashSet<>(runs.stream().map(RunResult::workload).toList()));
        List<String> rules = new ArrayList<>(new LinkedHashSet<>(runs.stream().map(RunResult::rule).toList()));
        double[][] totals = new double[rules.size()][workloads.size()];
        for (RunResult run : runs) {
            totals[rules.indexOf(run.rule())][workloads.indexOf(run.workload())] = energy.total(run).totalPj();
        }
        figures.add(figure(Charts.bars("energy per example", "energy (pJ)", workloads, rules, totals),
                "compare-energy", 900, 480, "Energy per example by rule, table '" + energy.table().name() + "'"
                + (Charts.logScale(totals) ? " (log scale)" : "")));
        List<String> kinds = new ArrayList<>();
        for (EnergyKind kind : EnergyKind.values()) {
            kinds.add(kind.id());
        }
        for (String workload : workloads) {
            List<RunResult> ofWorkload = runs.stream().filter(run -> run.workload().equals(workload)).toList();
            double[][] byKind = new double[kinds.size()][ofWorkload.size()];
            for (int r = 0; r < ofWorkload.size(); r++) {
                Energy total = energy.total(ofWorkload.get(r));
                for (EnergyKind kind : EnergyKind.values()) {
                    byKind[kind.ordinal()][r] = total.pj(kind);
                }
            }
            figures.add(figure(Charts.stacked(workload + ": energy by kind", "rule", "energy (pJ)",
                    ofWorkload.stream().map(RunResult::rule).toList(), kinds, byKind),
                    "energy-by-kind-" + workload.replaceAll("[^A-Za-z0-9._-]", "_"), 800, 480,
                    "Where the energy of an example goes, " + workload));
        }
        return figures;
    }

    /** One bar chart per measure: workloads along the axis, a bar per rule. */
    List<Figure> comparison(List<RunResult> runs) throws IOException {
        List<String> workloads = new ArrayList<>(new LinkedHashSet<>(runs.stream().map(RunResult::workload).toList()));
        List<String> rules = new ArrayList<>(new LinkedHashSet<>(runs.stream().map(RunResult::rule).toList()));
        Map<String, String> measures = new LinkedHashMap<>();
        measures.put("cycles", "cycles per example");
        measures.put("macs", "MACs per example");
        measures.put("reads", "local memory reads (words)");
        measures.put("writes", "local memory writes (words)");
        measures.put("wordsMoved", "words moved to neurons");
        measures.put("nocByteHops", "NoC byte-hops");
        measures.put("offChipBytes", "off-chip bytes");
        measures.put("feedbackBytes", "feedback memory (bytes)");
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, String> measure : measures.entrySet()) {
            double[][] values = new double[rules.size()][workloads.size()];
            for (RunResult run : runs) {
                values[rules.indexOf(run.rule())][workloads.indexOf(run.workload())] = measure(run, measure.getKey());
            }
            JFreeChart chart = Charts.bars(measure.getValue(), measure.getValue(), workloads, rules, values);
            figures.add(figure(chart, "compare-" + measure.getKey(), 900, 480, measure.getValue() + " by rule"
                    + (Charts.logScale(values) ? " (log scale: the values span more than 100x)" : "")));
        }
        return figures;
    }

    /** Per run: memory words by layer and phase, per-tile words, link loads and the timeline. */
    List<Figure> details(RunResult run) throws IOException {
        String base = run.key().replace('/', '-').replace(':', '_');
        List<RunResult.TaskRow> tasks = run.tasks();
        List<Figure> figures = new ArrayList<>();

        List<String> phases = List.of("forward", "error", "update");
        TreeMap<Integer, double[]> byLayer = new TreeMap<>();
        List<Category> words = new ArrayList<>(READS);
        words.addAll(WRITES);
        for (RunResult.TaskRow task : tasks) {
            byLayer.computeIfAbsent(task.layer(), k -> new double[phases.size()])[phases.indexOf(task.phase())] +=
                    task.sum(words);
        }
        List<String> layers = byLayer.keySet().stream().map(run::layerLabel).toList();
        double[][] stacked = new double[phases.size()][layers.size()];
        int column = 0;
        for (double[] values : byLayer.values()) {
            for (int p = 0; p < phases.size(); p++) {
                stacked[p][column] = values[p];
            }
            column++;
        }
        figures.add(figure(Charts.stacked(run.key() + ": memory words by layer", "layer", "words read and written",
                layers, phases, stacked), base + "-layers", 800, 440, "Local memory words read and written per layer, "
                + "stacked by phase"));

        int[] shape = run.arrayShape();
        figures.add(figure(Charts.tileHeatMap(run.key() + ": energy per tile", "pJ", energy.perTile(run, tasks)),
                base + "-tiles", 620, 540, "Energy of each tile, its actions and its leakage, (0,0) at the top left"));

        List<Charts.LinkLoad> links = new ArrayList<>();
        for (RunResult.LinkRow link : run.links()) {
            if (link.fromX() >= 0 && link.toX() >= 0) {
                links.add(new Charts.LinkLoad(link.fromX(), link.fromY(), link.toX(), link.toY(), link.bytes()));
            }
        }
        if (!links.isEmpty()) {
            figures.add(figure(Charts.linkHeatMap(run.key() + ": NoC link load", "bytes", shape[0], shape[1], links),
                    base + "-links", 620, 540, "Payload bytes each link carried; each direction is drawn on its own "
                    + "side of the pair"));
        }

        List<Charts.Span> spans = new ArrayList<>();
        for (RunResult.TaskRow task : tasks) {
            if (task.finishCycles() > task.startCycles() || task.layer() > 0) {
                spans.add(new Charts.Span(String.format(Locale.ROOT, "(%d,%d)", task.x(), task.y()), task.phase(),
                        task.startCycles(), task.finishCycles()));
            }
        }
        figures.add(figure(Charts.timeline(run.key() + ": timeline", spans, MAX_TIMELINE_TILES), base + "-timeline",
                900, 560, "Each tile's tasks over the example, by phase; the busiest tiles when there are many"));
        return figures;
    }

    private static List<Category> memoryAccesses(Pricing access) {
        return Arrays.stream(Category.values()).filter(category -> category.pricing() == access).toList();
    }

    /**
     * A measure of the comparison: cycles, all reads or writes of local memory, the feedback memory
     * of the footprint, or a category by id.
     */
    static double measure(RunResult run, String name) {
        Counts totals = run.totals();
        return switch (name) {
            case "cycles" -> run.cycles();
            case "reads" -> READS.stream().mapToLong(totals::get).sum();
            case "writes" -> WRITES.stream().mapToLong(totals::get).sum();
            case "feedbackBytes" -> run.result().path("footprint").path("total").path("feedbackBytes").asLong();
            default -> totals.get(Category.byId(name).orElseThrow());
        };
    }

    private Figure figure(JFreeChart chart, String base, int width, int height, String caption) throws IOException {
        ChartFiles.Written files = ChartFiles.write(chart, directory, base, width, height);
        return new Figure(chart.getTitle().getText(), "charts/" + files.png(), "charts/" + files.svg(), caption);
    }
}
