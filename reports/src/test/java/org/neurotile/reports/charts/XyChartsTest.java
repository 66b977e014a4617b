package org.neurotile.reports.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.rules.RuleForm;

class XyChartsTest {
    private static final String RULE = LearningRules.forms().get(0).name();

    @TempDir
    Path dir;

    private static List<XyCharts.Point> points() {
        return List.of(new XyCharts.Point(RULE, 10, 5, true), new XyCharts.Point(RULE, 2, 9, true),
                new XyCharts.Point(RULE, 12, 7, false), new XyCharts.Point(RULE, 20, 20, false));
    }

    private static int series(XYPlot plot, String name) {
        return plot.getDataset().indexOf(name);
    }

    @Test
    void theFrontIsJoinedInXOrderAndTheOtherPointsAreGrey() {
        XYPlot plot = XyCharts.front("f", "x", "y", points()).getXYPlot();
        int line = series(plot, XyCharts.FRONT);
        assertEquals(2, plot.getDataset().getItemCount(line));
        assertEquals(2.0, plot.getDataset().getXValue(line, 0));
        assertEquals(10.0, plot.getDataset().getXValue(line, 1));
        int dominated = series(plot, XyCharts.DOMINATED);
        assertEquals(2, plot.getDataset().getItemCount(dominated));
        Color grey = (Color) plot.getRenderer().getSeriesPaint(dominated);
        assertEquals(grey.getRed(), grey.getGreen(), 16, "grey");
    }

    @Test
    void aRulesPointsOnTheFrontTakeTheRegistrysColour() {
        XYPlot plot = XyCharts.front("f", "x", "y", points()).getXYPlot();
        RuleForm form = LearningRules.forms().get(0);
        assertEquals(new Color(form.colourRgb()), plot.getRenderer().getSeriesPaint(series(plot, RULE)));
    }

    @Test
    void anAxisSpanningMoreThanAHundredIsLogarithmic() {
        List<XyCharts.Point> wide = List.of(new XyCharts.Point(RULE, 1, 5, true), new XyCharts.Point(RULE, 1000, 4, true));
        XYPlot plot = XyCharts.front("f", "x", "y", wide).getXYPlot();
        assertTrue(plot.getDomainAxis() instanceof LogAxis);
        assertFalse(plot.getRangeAxis() instanceof LogAxis);
    }

    @Test
    void theSameFrontGivesTheSameSvgBytes() throws IOException {
        ChartFiles.write(XyCharts.front("f", "x", "y", points()), dir.resolve("one"), "f", 640, 400);
        ChartFiles.write(XyCharts.front("f", "x", "y", points()), dir.resolve("two"), "f", 640, 400);
        assertArrayEquals(Files.readAllBytes(dir.resolve("one/f.svg")), Files.readAllBytes(dir.resolve("two/f.svg")));
    }

    @Test
    void aMissingValueLeavesAGapInItsLine() {
        JFreeChart chart = XyCharts.lines("l", "p", "v", List.of("a", "b", "c"), List.of(RULE),
                new double[][] {{1, Double.NaN, 3}});
        assertEquals(null, chart.getCategoryPlot().getDataset().getValue(0, 1));
        assertEquals(3.0, chart.getCategoryPlot().getDataset().getValue(0, 2).doubleValue());
    }
}
