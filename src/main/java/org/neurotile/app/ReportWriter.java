package org.neurotile.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.neurotile.neuron.counts.Category;
import org.neurotile.reports.area.AreaTable;
import org.neurotile.reports.energy.Energy;
import org.neurotile.reports.energy.EnergyKind;
import org.neurotile.reports.energy.EnergyTable;
import org.neurotile.reports.html.Cell;
import org.neurotile.reports.html.Figure;
import org.neurotile.reports.html.HtmlPage;
import org.neurotile.reports.html.Page;
import org.neurotile.reports.html.Section;
import org.neurotile.reports.html.Table;
import org.neurotile.sim.io.AtomicFiles;

/**
 * Writes a report directory: index.html, charts/, summary.csv and summary.json. Everything goes to a
 * temporary directory beside the target first and is moved into place only when complete, so a
 * failed report never looks like a finished one.
 */
final class ReportWriter {
    /** The counts of the summary table, in the order a reader compares rules. */
    static final List<Category> SUMMARY_COUNTS = List.of(Category.MACS, Category.WEIGHT_READS,
            Category.FEEDBACK_READS, Category.WEIGHT_WRITES, Category.WORDS_MOVED, Category.NOC_BYTE_HOPS,
            Category.OFF_CHIP_BYTES);

    private ReportWriter() {
    }

    /**
     * Writes the report into {@code directory}; links to the runs are relative to {@code linkBase},
     * and the summary names each run's directory as {@code finalPath} maps it.
     */
    static void write(List<RunResult> runs, EnergyTable table, AreaTable areaTable, Path directory, Path linkBase,
                      UnaryOperator<Path> finalPath, Progress progress) throws IOException {
        ReportEnergy energy = new ReportEnergy(table, runs);
        ReportArea area = new ReportArea(areaTable, runs);
        Page page = page(runs, energy, area, directory, linkBase, progress);
        AtomicFiles.writeUtf8(directory.resolve("index.html"), writer -> HtmlPage.write(page, writer));
        writeSummary(runs, energy, directory, finalPath);
        progress.finish();
    }

    /** The columns of one run in the summary: cycles, the summary counts, energy in total and by kind. */
    static Map<String, Double> columns(RunResult run, ReportEnergy energy) {
        Map<String, Double> columns = new LinkedHashMap<>();
        columns.put("cycles", (double) run.cycles());
        for (Category count : SUMMARY_COUNTS) {
            columns.put(count.id(), (double) run.totals().get(count));
        }
        Energy total = energy.total(run);
        columns.put("energyPj", total.totalPj());
        for (EnergyKind kind : EnergyKind.values()) {
            columns.put(kind.id() + "Pj", total.pj(kind));
        }
        return columns;
    }

    private static Page page(List<RunResult> runs, ReportEnergy energy, ReportArea area, Path staging, Path target,
                             Progress progress) throws IOException {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("summary-section", "Summary", "Per training example, one row per workload and "
                + "rule. Counts follow docs/counting.md; energy is priced with the table '" + energy.table().name()
                + "' (see Energy table).", List.of(summaryTable(runs, energy)), List.of(), List.of(), false));
        ReportCharts charts = new ReportCharts(staging, energy);
        sections.add(new Section("comparison", "Rules compared", "Each measure per example, a bar per rule; a "
                + "logarithmic axis where the values span more than a factor of 100.", List.of(),
                charts.comparison(runs), List.of(), false));
        sections.add(new Section("energy", "Energy", "Energy per example by kind, and the dynamic energy of each "
                + "phase and layer (leakage belongs to the whole example; per tile it is in the heat maps below).",
                List.of(energy.byKindTable(), energy.byPhaseTable(), energy.byLayerTable()), charts.energy(runs),
                List.of(), false));
        sections.add(new Section("area", "Area", "The die area of each run's chip as built, every tile counted, "
                + "priced with the area table '" + area.table().name() + "' (see Area table); the used area is the "
                + "share of the tiles that hold neurons. The processor baseline is its MAC units: its memory is off chip "
                + "(docs/area.md).", List.of(area.byPartTable()), List.of(), List.of(), false));
        List<Figure> details = new ArrayList<>();
        List<Section.Preformatted> configurations = new ArrayList<>();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<String> traces = new ArrayList<>();
        for (RunResult run : runs) {
            progress.starting(run.key());
            details.addAll(charts.details(run));
            configurations.add(new Section.Preformatted(run.key(), json.writeValueAsString(run.result().get("config"))));
            Path trace = run.directory().resolve("trace.json");
            if (Files.exists(trace)) {
                traces.add(run.key() + ": " + target.relativize(trace.toAbsolutePath()));
            }
            progress.stepDone();
        }
        sections.add(new Section("runs", "Inside each run", "Where the memory traffic is, layer by layer and tile "
                + "by tile, which links carry the NoC traffic, and when each tile works.", List.of(), details,
                List.of(), false));
        if (!traces.isEmpty()) {
            sections.add(new Section("traces", "Timelines", "Chrome trace-event files of each example, tiles and "
                    + "links as tracks, in the run directories (paths relative to this page); open them in "
                    + "ui.perfetto.dev: " + String.join("; ", traces) + ".",
                    List.of(), List.of(), List.of(), false));
        }
        sections.add(new Section("energy-table", "Energy table", energy.table().description() + " (from "
                + energy.table().origin() + "). Local memory energy per word is interpolated for each chip's memory "
                + "size, linearly in log(size) and log(energy) between the table's points (docs/energy.md).",
                List.of(energy.actionsTable(), energy.sramTable()), List.of(), List.of(), false));
        sections.add(new Section("area-table", "Area table", area.table().description() + " (from "
                + area.table().origin() + "). SRAM and MAC areas between the table's points follow a power law "
                + "through the two around them (docs/area.md).",
                List.of(area.sramTable(), area.macTable(), area.partsTable()), List.of(), List.of(), false));
        sections.add(new Section("configuration", "Configuration", "The fully resolved configuration of each run.",
                List.of(), List.of(), configurations, true));
        return new Page("neurotile report", runs.size() + " runs: " + String.join(", ",
                runs.stream().map(RunResult::key).toList()), sections);
    }

    private static Table summaryTable(List<RunResult> runs, ReportEnergy energy) {
        List<String> headers = new ArrayList<>(List.of("workload", "rule", "cycles"));
        SUMMARY_COUNTS.forEach(count -> headers.add(count.id()));
        headers.add("energyPj");
        List<Table.Row> rows = new ArrayList<>();
        for (RunResult run : runs) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.text(run.workload()), Cell.text(run.rule())));
            Map<String, Double> columns = columns(run, energy);
            for (String header : headers.subList(2, headers.size() - 1)) {
                cells.add(Cell.count(columns.get(header).longValue()));
            }
            cells.add(Cell.energy(columns.get("energyPj")));
            rows.add(new Table.Row(run.key(), cells));
        }
        return new Table("summary", "Counts per example", headers, rows);
    }

    private static void writeSummary(List<RunResult> runs, ReportEnergy energy, Path directory,
                                     UnaryOperator<Path> finalPath) throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (RunResult run : runs) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", run.key());
            entry.put("workload", run.workload());
            entry.put("rule", run.rule());
            entry.put("directory", finalPath.apply(run.directory()).toAbsolutePath().toString());
            entry.put("columns", columns(run, energy));
            entries.add(entry);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("energyTable", energy.table().name());
        summary.put("energyTableOrigin", energy.table().origin());
        summary.put("runs", entries);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeUtf8(directory.resolve("summary.json"), writer -> json.writeValue(writer, summary));
        AtomicFiles.writeUtf8(directory.resolve("summary.csv"), writer -> {
            List<String> names = new ArrayList<>(columns(runs.get(0), energy).keySet());
            writer.write("workload,rule," + String.join(",", names) + "\n");
            for (RunResult run : runs) {
                StringBuilder line = new StringBuilder(run.workload() + "," + run.rule());
                for (double value : columns(run, energy).values()) {
                    line.append(',').append(value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value));
                }
                writer.write(line.append('\n').toString());
            }
        });
    }
}
