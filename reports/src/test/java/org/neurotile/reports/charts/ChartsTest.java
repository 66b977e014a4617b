package org.neurotile.reports.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    @TempDir
    Path dir;

    private static JFreeChart bars(double[][] values) {
        return Charts.bars("macs", "MACs", List.of("mnist-fc", "alexnet-fc"), List.of("bp", "ssdfa"), values);
    }

    @Test
    void aSpreadOverAHundredGetsALogAxisAndLessDoesNot() {
        assertTrue(Charts.logScale(new double[][] {{1, 101}}));
        assertFalse(Charts.logScale(new double[][] {{1, 100}}));
        assertFalse(Charts.logScale(new double[][] {{0, 5, 400}}), "zeros do not count");
        assertTrue(bars(new double[][] {{10, 1e6}, {0, 5e5}}).getCategoryPlot().getRangeAxis() instanceof LogAxis);
        assertFalse(bars(new double[][] {{10, 20}, {15, 30}}).getCategoryPlot().getRangeAxis() instanceof LogAxis);
    }

    @Test
    void aChartIsWrittenAsAReadablePngAndAnSvgWithItsTitle() throws Exception {
        ChartFiles.Written files = ChartFiles.write(bars(new double[][] {{10, 1e6}, {0, 5e5}}), dir, "b", 640, 400);
        BufferedImage png = ImageIO.read(dir.resolve(files.png()).toFile());
        assertEquals(640, png.getWidth());
        assertEquals(400, png.getHeight());
        String svg = Files.readString(dir.resolve(files.svg()));
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        xml.newDocumentBuilder().parse(dir.resolve(files.svg()).toFile());
        assertTrue(svg.contains("macs"), "the title is in the SVG");
    }

    @Test
    void theSameDataGivesTheSameSvgBytes() throws IOException {
        double[][] values = {{10, 1e6}, {3, 5e5}};
        ChartFiles.write(bars(values), dir.resolve("one"), "b", 640, 400);
        ChartFiles.write(bars(values), dir.resolve("two"), "b", 640, 400);
        assertArrayEquals(Files.readAllBytes(dir.resolve("one/b.svg")), Files.readAllBytes(dir.resolve("two/b.svg")));
    }

    @Test
    void heatMapsOfZerosDrawWithoutError() throws IOException {
        ChartFiles.write(Charts.tileHeatMap("zeros", "pJ", new double[3][4]), dir, "tiles", 400, 400);
        ChartFiles.write(Charts.linkHeatMap("links", "bytes", 2, 2, List.of(new Charts.LinkLoad(0, 0, 1, 0, 0))),
                dir, "links", 400, 400);
        assertTrue(Files.size(dir.resolve("tiles.png")) > 0 && Files.size(dir.resolve("links.png")) > 0);
    }

    @Test
    void aTimelineWithMoreTilesThanItsCapSaysHowManyItLeftOut() {
        List<Charts.Span> spans = new ArrayList<>();
        for (int tile = 0; tile < 10; tile++) {
            spans.add(new Charts.Span("t" + tile, "forward", 0, tile + 1));
        }
        JFreeChart chart = Charts.timeline("timeline", spans, 4);
        String subtitle = ((TextTitle) chart.getSubtitle(chart.getSubtitleCount() - 1)).getText();
        assertEquals("the 4 busiest of 10 tiles shown (6 omitted)", subtitle);
        SymbolAxis axis = (SymbolAxis) chart.getXYPlot().getDomainAxis();
        assertEquals(List.of("t6", "t7", "t8", "t9"), List.of(axis.getSymbols()));
    }

    @Test
    void compactNumbersUseSiSteps() {
        assertEquals("950", CompactNumber.compact(950));
        assertEquals("1.23 k", CompactNumber.compact(1234));
        assertEquals("4.50 M", CompactNumber.compact(4.5e6));
        assertEquals("320 G", CompactNumber.compact(3.2e11));
    }

    @Test
    void rulesKeepTheirColourWhateverTheirOptions() {
        assertEquals(Palette.of("sdfa"), Palette.of("sdfa:k=4"));
        assertEquals(Palette.of("made-up"), Palette.of("made-up"));
    }

    @Test
    void everyRuleOfTheRegistryHasItsColour() {
        assertEquals(new Color(0x1f77b4), Palette.of("bp"));
        assertEquals(new Color(0xff7f0e), Palette.of("dfa"));
        assertEquals(new Color(0x17becf), Palette.of("blocked-dfa:s=2"));
        assertEquals(new Color(0xaec7e8), Palette.of("fp:m=3"));
        assertEquals(new Color(0x98df8a), Palette.of("hybrid:p=0.5"));
    }
}
