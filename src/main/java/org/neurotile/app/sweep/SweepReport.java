package org.neurotile.app.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neurotile.app.output.StagedOutput;
import org.neurotile.reports.html.Cell;
import org.neurotile.reports.html.HtmlPage;
import org.neurotile.reports.html.Page;
import org.neurotile.reports.html.Section;
import org.neurotile.reports.html.Table;
import org.neurotile.sim.io.AtomicFiles;

/**
 * A sweep's report: index.html and charts/ from its database. Pareto fronts, energy along each
 * varied parameter, the non-dominated points, the infeasible and the failed points, and the sweep
 * file itself.
 */
public final class SweepReport {
    /** The report's directory under a sweep's output directory. */
    public static final String DIRECTORY = "report";
    /** The measures of a point shown in the tables, where the sweep has them. */
    private static final List<String> SHOWN = List.of(SweepFronts.CYCLES, SweepFronts.ENERGY, SweepFronts.AREA,
            "tilesUsed", SweepFronts.ACCURACY);

    private SweepReport() {
    }

    /**
     * Builds the report of the sweep in {@code sweepDirectory} into {@code out}, staged and moved
     * into place whole (an earlier report there is replaced); returns what it read.
     */
    public static SweepResults build(Path sweepDirectory, Path out) throws IOException {
        SweepResults results = SweepResults.read(sweepDirectory);
        try (StagedOutput output = StagedOutput.open("--out", out, "report", List.of(results.database()))) {
            write(results, output.directory());
            output.commit();
        }
        return results;
    }

    /** Writes the report of {@code results} into {@code directory}. */
    public static void write(SweepResults results, Path directory) throws IOException {
        SweepReportCharts charts = new SweepReportCharts(directory, results);
        SweepFronts fronts = SweepFronts.of(results);
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("summary-section", "Summary", "The sweep's points and where they stand; wall time "
                + "is the sum of the points' own times (on N threads the sweep took about 1/N of it).",
                List.of(summary(results)), List.of(), List.of(), false));
        sections.add(new Section("fronts", "Pareto fronts", "A point is non-dominated when no other ok point is at "
                + "least as good in both measures and better in one. Measures per training example, energy priced "
                + "with each point's energy table, area with the 45 nm area table (docs/area.md).", List.of(),
                charts.fronts(fronts), List.of(), false));
        sections.add(new Section("parameters", "Energy along each parameter", "For each varied parameter, the "
                + "lowest energy per example reached by any ok point with that value, the other parameters free: "
                + "what the best design with that choice costs.", List.of(), charts.parameters(), List.of(), false));
        List<Table> frontTables = new ArrayList<>();
        for (SweepFronts.Front front : fronts.fronts()) {
            frontTables.add(pointTable(results, front.id() + "-points", front.title() + ": the non-dominated points",
                    front.nonDominated()));
        }
        sections.add(new Section("non-dominated", "Non-dominated points", "The points on each front, with their "
                + "parameters and measures, in the sweep's order.", frontTables, List.of(), List.of(), false));
        sections.add(new Section("infeasible-section", "Infeasible points", "Points that cannot exist on their chip "
                + "(the network does not fit its tiles), and why.", List.of(reasons(results, "infeasible",
                PointRow.Status.INFEASIBLE)), List.of(), List.of(), false));
        sections.add(new Section("failed-section", "Failed points", "Points whose run failed, and the error.",
                List.of(reasons(results, "failed", PointRow.Status.FAILED)), List.of(), List.of(), false));
        sections.add(new Section("sweep-file", "Sweep file", "The sweep file as it was run ("
                + results.facts().getOrDefault("sweepFile", "") + ").", List.of(), List.of(),
                List.of(new Section.Preformatted(results.facts().getOrDefault("sweepFile", "sweep"),
                        results.facts().getOrDefault("sweepText", ""))), true));
        Page page = new Page("neurotile sweep report", results.facts().getOrDefault("sweepFile", "sweep") + ": "
                + results.points().size() + " points in " + results.facts().getOrDefault("mode", "count") + " mode, "
                + "varying " + String.join(", ", results.parameters()), sections);
        AtomicFiles.writeUtf8(directory.resolve("index.html"), writer -> HtmlPage.write(page, writer));
    }

    private static Table summary(SweepResults results) {
        List<Table.Row> rows = new ArrayList<>();
        rows.add(fact("points", Cell.count(results.planned())));
        rows.add(fact("recorded", Cell.count(results.points().size())));
        for (PointRow.Status status : PointRow.Status.values()) {
            rows.add(fact(status.id(), Cell.count(results.with(status).size())));
        }
        long wallMs = results.points().stream().mapToLong(SweepResults.Point::wallTimeMs).sum();
        rows.add(fact("wallTimeS", new Cell(String.format(Locale.ROOT, "%.1f s", wallMs / 1e3), wallMs / 1e3)));
        rows.add(fact("mode", Cell.text(results.facts().getOrDefault("mode", ""))));
        rows.add(fact("parameters", Cell.text(String.join(", ", results.parameters()))));
        rows.add(fact("neurotileVersion", Cell.text(results.facts().getOrDefault("neurotileVersion", ""))));
        return new Table("summary", "The sweep", List.of("fact", "value"), rows);
    }

    private static Table.Row fact(String name, Cell value) {
        return new Table.Row(name, List.of(Cell.text(name), value));
    }

    /** Points with their parameters and the shown measures the sweep has. */
    private static Table pointTable(SweepResults results, String id, String caption, List<SweepResults.Point> points) {
        List<String> measures = SHOWN.stream().filter(m -> results.points().stream()
                .anyMatch(p -> p.measure(m).isPresent())).toList();
        List<String> headers = new ArrayList<>(List.of("point"));
        headers.addAll(results.parameters());
        headers.addAll(measures);
        List<Table.Row> rows = new ArrayList<>();
        for (SweepResults.Point point : points) {
            List<Cell> cells = parameterCells(point);
            for (String measure : measures) {
                cells.add(point.measure(measure).map(v -> measureCell(measure, v)).orElse(Cell.text("")));
            }
            rows.add(new Table.Row("point-" + point.index(), cells));
        }
        return new Table(id, caption, headers, rows);
    }

    private static Table reasons(SweepResults results, String id, PointRow.Status status) {
        List<String> headers = new ArrayList<>(List.of("point"));
        headers.addAll(results.parameters());
        headers.add("reason");
        List<Table.Row> rows = new ArrayList<>();
        for (SweepResults.Point point : results.with(status)) {
            List<Cell> cells = parameterCells(point);
            cells.add(Cell.text(point.reason()));
            rows.add(new Table.Row("point-" + point.index(), cells));
        }
        return new Table(id, results.with(status).size() + " " + status.id() + " points", headers, rows);
    }

    private static List<Cell> parameterCells(SweepResults.Point point) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.count(point.index())));
        for (Object value : point.values()) {
            cells.add(value instanceof Long || value instanceof Integer ? Cell.count(((Number) value).longValue())
                    : value instanceof Number number ? new Cell(number.toString(), number.doubleValue())
                    : Cell.text(String.valueOf(value)));
        }
        return cells;
    }

    private static Cell measureCell(String measure, double value) {
        if (measure.endsWith("Pj")) {
            return Cell.energy(value);
        }
        if (measure.endsWith("Mm2")) {
            return new Cell(String.format(Locale.ROOT, "%.3f mm²", value), value);
        }
        if (measure.equals(SweepFronts.ACCURACY)) {
            return new Cell(String.format(Locale.ROOT, "%.2f %%", 100 * value), value);
        }
        return value == Math.rint(value) ? Cell.count((long) value)
                : new Cell(String.format(Locale.ROOT, "%,.1f", value), value);
    }
}
