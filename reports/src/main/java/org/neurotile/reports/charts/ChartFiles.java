package org.neurotile.reports.charts;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.neurotile.sim.io.AtomicFiles;

/** Writes a chart as {@code base.png} and {@code base.svg}; the same chart gives the same bytes. */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** The two files written, relative names. */
    public record Written(String png, String svg) {
    }

    public static Written write(JFreeChart chart, Path directory, String base, int width, int height)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(directory);
        AtomicFiles.write(directory.resolve(base + ".png"), out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        svg.setDefsKeyPrefix(base + "-"); // the default prefix is a clock reading: files would differ run to run
        chart.draw(svg, new Rectangle(0, 0, width, height));
        String document = svg.getSVGDocument();
        AtomicFiles.writeUtf8(directory.resolve(base + ".svg"), writer -> writer.write(document));
        return new Written(base + ".png", base + ".svg");
    }
}
