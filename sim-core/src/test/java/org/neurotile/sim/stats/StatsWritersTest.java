package org.neurotile.sim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsWritersTest {

    private static StatsSnapshot sample() {
        final Statistics stats = new Statistics();
        stats.counter("tile[3,4].sram.weightReads").add(7);
        stats.counter("noc.bytes").add(128);
        final Histogram h = stats.histogram("noc.latency");
        h.record(2);
        h.record(4);
        return stats.snapshot();
    }

    @Test
    void csvHasHeaderAndQuotesNamesWithCommas() throws IOException {
        final StringWriter out = new StringWriter();
        new StatsCsvWriter().write(sample(), out);
        assertEquals(List.of(
                        StatsCsvWriter.HEADER,
                        "noc.bytes,counter,128,,,,,,,,",
                        "\"tile[3,4].sram.weightReads\",counter,7,,,,,,,,",
                        "noc.latency,histogram,,2,6,3.0,2,4,2,4,4"),
                out.toString().lines().toList());
    }

    @Test
    void csvDoublesQuotesInsideQuotedFields() {
        assertEquals("\"a\"\"b,c\"", StatsCsvWriter.quote("a\"b,c"));
    }

    @Test
    void csvWrittenToPathMatchesWriterOutput(@TempDir Path dir) throws IOException {
        final Path file = dir.resolve("out/stats.csv");
        final StringWriter out = new StringWriter();
        new StatsCsvWriter().write(sample(), out);
        new StatsCsvWriter().write(sample(), file);
        assertEquals(out.toString(), Files.readString(file));
    }

    @Test
    void jsonParsesBackWithEveryValue() throws IOException {
        final StringWriter out = new StringWriter();
        new StatsJsonWriter().write(sample(), out);
        final JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals(7, root.path("counters").path("tile[3,4].sram.weightReads").asLong());
        assertEquals(128, root.path("counters").path("noc.bytes").asLong());
        final JsonNode latency = root.path("histograms").path("noc.latency");
        assertEquals(2, latency.path("count").asLong());
        assertEquals(3.0, latency.path("mean").asDouble());
        assertEquals(4, latency.path("p99").asLong());
    }

    @Test
    void jsonWrittenToPathLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        new StatsJsonWriter().write(sample(), dir.resolve("stats.json"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("stats.json")), files.toList());
        }
    }

    @Test
    void writerToCallerIsLeftOpen() throws IOException {
        final StringWriter out = new StringWriter();
        new StatsJsonWriter().write(sample(), out);
        out.write("more");
        assertEquals(true, out.toString().endsWith("}\nmore"));
    }
}
