package org.neurotile.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/** The report's charts, built from plain numbers (no simulator class). */
public final class Charts {
    /** A spread of values above this factor gets a logarithmic axis. */
    public static final double LOG_SPREAD = 100;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);

    private Charts() {
    }

    /** The smallest and largest positive value. */
    private static double[] positiveRange(double[][] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {min, max};
    }

    /** Whether positive values span more than {@link #LOG_SPREAD}; zeros do not count. */
    public static boolean logScale(double[][] values) {
        double[] range = positiveRange(values);
        return range[1] > 0 && range[1] / range[0] > LOG_SPREAD;
    }

    /**
     * Bars per category (e.g. workload) and series (e.g. rule), values[series][category]. On a
     * log axis a zero has no bar; its label says 0.
     */
    public static JFreeChart bars(String title, String valueLabel, List<String> categories, List<String> series,
                                  double[][] values) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        boolean log = logScale(values);
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                double v = values[s][c];
                dataset.addValue(log && v <= 0 ? null : (Number) v, series.get(s), categories.get(c));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueLabel, dataset, PlotOrientation.VERTICAL,
                true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        if (log) {
            LogAxis axis = new LogAxis(valueLabel + " (log scale)");
            axis.setBase(10);
            axis.setNumberFormatOverride(new CompactNumber());
            double[] range = positiveRange(values);
            axis.setSmallestValue(range[0] / 2);
            axis.setRange(Math.pow(10, Math.floor(Math.log10(range[0]))), range[1] * 3);
            plot.setRangeAxis(axis);
        } else {
            NumberAxis axis = (NumberAxis) plot.getRangeAxis();
            axis.setNumberFormatOverride(new CompactNumber());
        }
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.04);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new CompactNumber()));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, Palette.of(series.get(s)));
        }
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xd0d7de));
        return chart;
    }

    /** Stacked bars: one bar per category (e.g. layer), stacks[s] on it, values[stack][category]. */
    public static JFreeChart stacked(String title, String categoryLabel, String valueLabel, List<String> categories,
                                     List<String> stacks, double[][] values) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int s = 0; s < stacks.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                dataset.addValue(values[s][c], stacks.get(s), categories.get(c));
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(title, categoryLabel, valueLabel, dataset,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(new CompactNumber());
        plot.getDomainAxis().setMaximumCategoryLabelLines(3); // a layer named by kind and shape wraps, not cut
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int s = 0; s < stacks.size(); s++) {
            renderer.setSeriesPaint(s, Palette.of(stacks.get(s)));
        }
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xd0d7de));
        return chart;
    }

    /** A value per tile, grid[y][x], tile (0,0) at the top left, with a colour legend. */
    public static JFreeChart tileHeatMap(String title, String legendLabel, double[][] grid) {
        int height = grid.length;
        int width = height == 0 ? 0 : grid[0].length;
        double[][] series = new double[3][width * height];
        double max = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int k = y * width + x;
                series[0][k] = x;
                series[1][k] = y;
                series[2][k] = grid[y][x];
                max = Math.max(max, grid[y][x]);
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("tiles", series);
        HeatScale scale = new HeatScale(max);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset, gridAxis("x", width), gridAxis("y", height), renderer);
        plot.getRangeAxis().setInverted(true);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
        chart.addSubtitle(legend(scale, legendLabel));
        style(chart);
        return chart;
    }

    /** One NoC link's load between two tiles' coordinates. */
    public record LinkLoad(int fromX, int fromY, int toX, int toY, double bytes) {
    }

    /**
     * The load of every link of a grid: each directed link is a segment beside the one of the
     * opposite direction (offset to its right), coloured by its load; tiles are grey squares.
     */
    public static JFreeChart linkHeatMap(String title, String legendLabel, int width, int height,
                                         List<LinkLoad> links) {
        double max = links.stream().mapToDouble(LinkLoad::bytes).max().orElse(0);
        HeatScale scale = new HeatScale(max);
        XYPlot plot = new XYPlot(new DefaultXYZDataset(), gridAxis("x", width), gridAxis("y", height),
                new XYBlockRenderer());
        plot.getRangeAxis().setInverted(true);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(x - 0.15, y - 0.15, 0.3, 0.3),
                        new BasicStroke(0.5f), new Color(0x8c959f), new Color(0xeaeef2)));
            }
        }
        float stroke = (float) Math.max(1.5, Math.min(5, 300.0 / Math.max(width, height) / 8));
        for (LinkLoad link : links) {
            double dx = link.toX() - link.fromX();
            double dy = link.toY() - link.fromY();
            double length = Math.hypot(dx, dy);
            if (length == 0 || length > 1.5) {
                continue; // wrap-around links of a torus would cross the whole grid
            }
            double ox = -dy / length * 0.08;
            double oy = dx / length * 0.08;
            plot.addAnnotation(new XYLineAnnotation(link.fromX() + dx * 0.2 + ox, link.fromY() + dy * 0.2 + oy,
                    link.toX() - dx * 0.2 + ox, link.toY() - dy * 0.2 + oy, new BasicStroke(stroke),
                    scale.getPaint(link.bytes())));
        }
        JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
        chart.addSubtitle(legend(scale, legendLabel));
        style(chart);
        return chart;
    }

    /** A span of a tile's work. */
    public record Span(String track, String phase, long startCycles, long finishCycles) {
    }

    /**
     * Each track's spans over time, coloured by phase; at most {@code maxTracks} tracks: the busiest
     * (most cycles in spans, ties to the earlier), kept in their given order; the subtitle says how
     * many were left out.
     */
    public static JFreeChart timeline(String title, List<Span> spans, int maxTracks) {
        Map<String, Long> busy = new LinkedHashMap<>();
        for (Span span : spans) {
            busy.merge(span.track(), Math.max(0, span.finishCycles() - span.startCycles()), Long::sum);
        }
        List<String> order = new ArrayList<>(busy.keySet());
        List<String> busiest = new ArrayList<>(order);
        busiest.sort((a, b) -> Long.compare(busy.get(b), busy.get(a)));
        Set<String> kept = new HashSet<>(busiest.subList(0, Math.min(maxTracks, busiest.size())));
        Map<String, Integer> tracks = new LinkedHashMap<>();
        for (String track : order) {
            if (kept.contains(track)) {
                tracks.put(track, tracks.size());
            }
        }
        Map<String, XYIntervalSeries> phases = new LinkedHashMap<>();
        for (Span span : spans) {
            Integer row = tracks.get(span.track());
            if (row == null) {
                continue;
            }
            phases.computeIfAbsent(span.phase(), XYIntervalSeries::new).add(row, row - 0.38, row + 0.38,
                    span.startCycles(), span.startCycles(), Math.max(span.finishCycles(), span.startCycles() + 1));
        }
        int omitted = order.size() - tracks.size();
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        phases.values().forEach(dataset::addSeries);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        int s = 0;
        for (String phase : phases.keySet()) {
            renderer.setSeriesPaint(s++, Palette.of(phase));
        }
        SymbolAxis trackAxis = new SymbolAxis("tile", tracks.keySet().toArray(String[]::new));
        trackAxis.setGridBandsVisible(false);
        trackAxis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, tracks.size() > 32 ? 8 : 10));
        NumberAxis time = new NumberAxis("cycles");
        time.setNumberFormatOverride(new CompactNumber());
        XYPlot plot = new XYPlot(dataset, trackAxis, time, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.getDomainAxis().setInverted(true);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xd0d7de));
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        if (omitted > 0) {
            chart.addSubtitle(new TextTitle("the " + tracks.size() + " busiest of " + order.size()
                    + " tiles shown (" + omitted + " omitted)"));
        }
        style(chart);
        return chart;
    }

    private static NumberAxis gridAxis(String label, int size) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(-0.5, Math.max(size, 1) - 0.5);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static PaintScaleLegend legend(PaintScale scale, String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(new CompactNumber());
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(14);
        legend.setFrame(new BlockBorder(Color.WHITE));
        return legend;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.getTitle().setFont(TITLE);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(new BlockBorder(Color.WHITE));
        }
    }

    /** White through yellow and orange to dark red, from 0 to the largest value. */
    static final class HeatScale implements PaintScale {
        private static final Color[] STOPS = {new Color(0xffffff), new Color(0xfee391), new Color(0xfe9929),
            new Color(0xcc4c02), new Color(0x662506)};
        private final double upper;

        HeatScale(double max) {
            this.upper = max > 0 ? max : 1;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Math.max(0, Math.min(1, value / upper)) * (STOPS.length - 1);
            int i = Math.min((int) t, STOPS.length - 2);
            double f = t - i;
            Color a = STOPS[i];
            Color b = STOPS[i + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }
}
