package org.neurotile.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Charts of points in a plane (Pareto fronts) and of a measure along a parameter, from plain numbers. */
public final class XyCharts {
    /** The name of the series of points off the front, drawn grey. */
    public static final String DOMINATED = "dominated";
    /** The name of the line joining the front. */
    public static final String FRONT = "Pareto front";
    private static final Color GREY = new Color(0xc0c4c8);
    private static final Color FRONT_LINE = new Color(0x24292f);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);

    private XyCharts() {
    }

    /** A point of a scatter: its series (e.g. rule), coordinates, and whether it is on the front. */
    public record Point(String series, double x, double y, boolean onFront) {
    }

    /**
     * A scatter of {@code points}: those off the front grey, those on it in their series' colour
     * and joined by a line in x order. An axis whose positive values span more than a factor of
     * {@link Charts#LOG_SPREAD} is logarithmic.
     */
    public static JFreeChart front(String title, String xLabel, String yLabel, List<Point> points) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYSeries line = new XYSeries(FRONT, false, true);
        points.stream().filter(Point::onFront).sorted(Comparator.comparingDouble(Point::x)
                .thenComparingDouble(Point::y)).forEach(p -> line.add(p.x(), p.y()));
        dataset.addSeries(line);
        Map<String, XYSeries> bySeries = new LinkedHashMap<>();
        for (Point point : points) {
            if (point.onFront()) {
                bySeries.computeIfAbsent(point.series(), name -> new XYSeries(name, false, true)).add(point.x(), point.y());
            }
        }
        bySeries.values().forEach(dataset::addSeries);
        XYSeries dominated = new XYSeries(DOMINATED, false, true);
        points.stream().filter(p -> !p.onFront()).forEach(p -> dominated.add(p.x(), p.y()));
        dataset.addSeries(dominated);

        JFreeChart chart = ChartFactory.createScatterPlot(title, xLabel, yLabel, dataset, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Shape dot = new Ellipse2D.Double(-4, -4, 8, 8);
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            String name = (String) dataset.getSeriesKey(s);
            renderer.setSeriesShape(s, name.equals(DOMINATED) ? new Ellipse2D.Double(-3, -3, 6, 6) : dot);
            renderer.setSeriesPaint(s, name.equals(DOMINATED) ? GREY : name.equals(FRONT) ? FRONT_LINE : Palette.of(name));
        }
        renderer.setSeriesLinesVisible(0, true);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        plot.setRenderer(renderer);
        plot.setDomainAxis(axis(xLabel, points.stream().mapToDouble(Point::x).toArray()));
        plot.setRangeAxis(axis(yLabel, points.stream().mapToDouble(Point::y).toArray()));
        style(chart);
        plot.setDomainGridlinePaint(new Color(0xd0d7de));
        plot.setRangeGridlinePaint(new Color(0xd0d7de));
        return chart;
    }

    /**
     * A line per series over categories (e.g. a parameter's values in the sweep's order),
     * values[series][category]; NaN leaves a gap. A logarithmic axis when the values span more than
     * {@link Charts#LOG_SPREAD}.
     */
    public static JFreeChart lines(String title, String categoryLabel, String valueLabel, List<String> categories,
                                   List<String> series, double[][] values) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                double v = values[s][c];
                dataset.addValue(Double.isNaN(v) ? null : (Number) v, series.get(s), categories.get(c));
            }
        }
        JFreeChart chart = ChartFactory.createLineChart(title, categoryLabel, valueLabel, dataset,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        List<Double> all = new ArrayList<>();
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    all.add(v);
                }
            }
        }
        plot.setRangeAxis(axis(valueLabel, all.stream().mapToDouble(Double::doubleValue).toArray()));
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, Palette.of(series.get(s)));
            renderer.setSeriesStroke(s, new BasicStroke(2f));
            renderer.setSeriesShape(s, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        style(chart);
        plot.setRangeGridlinePaint(new Color(0xd0d7de));
        return chart;
    }

    /** A number axis, or a logarithmic one when the positive values span more than {@link Charts#LOG_SPREAD}. */
    private static ValueAxis axis(String label, double[] values) {
        if (Charts.logScale(new double[][] {values})) {
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (double v : values) {
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            LogAxis axis = new LogAxis(label + " (log scale)");
            axis.setBase(10);
            axis.setNumberFormatOverride(new CompactNumber());
            axis.setSmallestValue(min / 2);
            axis.setRange(min / 1.5, max * 1.5);
            return axis;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setNumberFormatOverride(new CompactNumber());
        return axis;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.getTitle().setFont(TITLE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(new BlockBorder(Color.WHITE));
        }
    }
}
