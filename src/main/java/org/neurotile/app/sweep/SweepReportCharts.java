package org.neurotile.app.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.neurotile.reports.charts.ChartFiles;
import org.neurotile.reports.charts.XyCharts;
import org.neurotile.reports.html.Figure;

/** The sweep report's charts, written under charts/ as PNG and SVG. */
final class SweepReportCharts {
    /** The parameter holding the rule: its values are the series of the charts. */
    static final String RULE = "rule";
    private static final String ALL = "lowest energy";
    private final Path directory;
    private final SweepResults results;

    SweepReportCharts(Path reportDirectory, SweepResults results) {
        this.directory = reportDirectory.resolve("charts");
        this.results = results;
    }

    /** Whether the rule is one of the varied parameters. */
    boolean ruleVaries() {
        return results.parameters().contains(RULE);
    }

    /** The series a point belongs to: its rule where the rule varies. */
    String series(SweepResults.Point point) {
        return ruleVaries() ? String.valueOf(point.value(results.parameters(), RULE)) : "non-dominated";
    }

    /** Each front as a scatter: the non-dominated points in their rule's colour and joined, the others grey. */
    List<Figure> fronts(SweepFronts fronts) throws IOException {
        List<Figure> figures = new ArrayList<>();
        for (SweepFronts.Front front : fronts.fronts()) {
            List<XyCharts.Point> points = new ArrayList<>();
            for (int i = 0; i < front.points().size(); i++) {
                SweepResults.Point point = front.points().get(i);
                points.add(new XyCharts.Point(series(point), point.measures().get(front.x().measure()),
                        point.measures().get(front.y().measure()), front.onFront().get(i)));
            }
            long on = front.onFront().stream().filter(b -> b).count();
            figures.add(figure(XyCharts.front(front.title(), front.x().label(), front.y().label(), points), front.id(),
                    900, 560, front.title() + ": " + on + " of " + points.size() + " ok points are non-dominated "
                    + "(joined" + (ruleVaries() ? ", coloured by rule" : "") + "), the others grey; "
                    + goal(front.x()) + ", " + goal(front.y()) + "."));
        }
        return figures;
    }

    /**
     * One chart per varied parameter with two values or more: along it, the lowest energy per
     * example any ok point with that value reaches, a line per rule where the rule varies.
     */
    List<Figure> parameters() throws IOException {
        List<Figure> figures = new ArrayList<>();
        List<SweepResults.Point> ok = results.with(PointRow.Status.OK).stream()
                .filter(p -> p.measure(SweepFronts.ENERGY).isPresent()).toList();
        List<String> series = ruleVaries() && !ok.isEmpty()
                ? new ArrayList<>(new LinkedHashSet<>(ok.stream().map(this::series).toList())) : List.of(ALL);
        for (String parameter : results.parameters()) {
            List<Object> levels = levels(parameter);
            if (levels.size() < 2) {
                continue;
            }
            boolean byRule = !parameter.equals(RULE) && series.size() > 1;
            List<String> lines = byRule ? series : List.of(ALL);
            double[][] values = new double[lines.size()][levels.size()];
            for (double[] row : values) {
                Arrays.fill(row, Double.NaN);
            }
            for (SweepResults.Point point : ok) {
                int s = byRule ? lines.indexOf(series(point)) : 0;
                int c = levels.indexOf(point.value(results.parameters(), parameter));
                double energy = point.measures().get(SweepFronts.ENERGY);
                values[s][c] = Double.isNaN(values[s][c]) ? energy : Math.min(values[s][c], energy);
            }
            List<String> categories = levels.stream().map(String::valueOf).toList();
            JFreeChart chart = XyCharts.lines("Energy per example by " + parameter, parameter,
                    "lowest energy per example (pJ)", categories, lines, values);
            figures.add(figure(chart, "parameter-" + parameter.replaceAll("[^A-Za-z0-9._-]", "_"), 800, 460,
                    "The lowest energy per example of the ok points with each value of " + parameter
                    + (byRule ? ", a line per rule" : "") + "; a gap where no point with that value is ok."));
        }
        return figures;
    }

    /** A parameter's values: numbers in ascending order, text in the order of the points. */
    List<Object> levels(String parameter) {
        List<Object> levels = new ArrayList<>(new LinkedHashSet<>(results.points().stream()
                .map(p -> p.value(results.parameters(), parameter)).toList()));
        if (levels.stream().allMatch(v -> v instanceof Number)) {
            levels.sort(Comparator.comparingDouble(v -> ((Number) v).doubleValue()));
        }
        return levels;
    }

    private static String goal(SweepFronts.Axis axis) {
        return axis.label().replaceAll(" \\(.*\\)$", "") + (axis.goal() == ParetoFront.Goal.MINIMIZE
                ? " lower is better" : " higher is better");
    }

    private Figure figure(JFreeChart chart, String base, int width, int height, String caption) throws IOException {
        ChartFiles.Written files = ChartFiles.write(chart, directory, base, width, height);
        return new Figure(chart.getTitle().getText(), "charts/" + files.png(), "charts/" + files.svg(), caption);
    }
}
