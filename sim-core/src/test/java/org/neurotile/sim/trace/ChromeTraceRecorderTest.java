package org.neurotile.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromeTraceRecorderTest {

    private static JsonNode parse(ChromeTraceRecorder recorder) throws IOException {
        final StringWriter out = new StringWriter();
        recorder.write(out);
        return new ObjectMapper().readTree(out.toString());
    }

    private static List<JsonNode> events(JsonNode root, String phase) {
        final List<JsonNode> found = new ArrayList<>();
        root.path("traceEvents").forEach(e -> {
            if (e.path("ph").asText().equals(phase)) {
                found.add(e);
            }
        });
        return found;
    }

    @Test
    void sameGroupAndNameGiveSameTrack() {
        final ChromeTraceRecorder recorder = new ChromeTraceRecorder();
        final int mac = recorder.track("tile[0,0]", "mac");
        assertEquals(mac, recorder.track("tile[0,0]", "mac"));
        assertNotEquals(mac, recorder.track("tile[0,0]", "sram"));
        assertNotEquals(mac, recorder.track("tile[0,1]", "mac"));
    }

    @Test
    void spanIsWrittenAsCompleteEventInCycles() throws IOException {
        final ChromeTraceRecorder recorder = new ChromeTraceRecorder();
        recorder.span(recorder.track("tile[0,0]", "mac"), "forward \"L1\"", 100, 250);
        final JsonNode span = events(parse(recorder), "X").get(0);
        assertEquals("forward \"L1\"", span.path("name").asText());
        assertEquals(100, span.path("ts").asLong());
        assertEquals(150, span.path("dur").asLong());
        assertEquals(1, span.path("pid").asInt());
        assertEquals(1, span.path("tid").asInt());
    }

    @Test
    void groupsBecomeProcessesAndTracksBecomeNamedThreads() throws IOException {
        final ChromeTraceRecorder recorder = new ChromeTraceRecorder();
        recorder.track("tile[0,0]", "mac");
        recorder.track("noc", "link[3]");
        final List<JsonNode> metadata = events(parse(recorder), "M");
        assertTrue(metadata.stream().anyMatch(e -> e.path("name").asText().equals("process_name")
                && e.path("pid").asInt() == 2 && e.path("args").path("name").asText().equals("noc")));
        assertTrue(metadata.stream().anyMatch(e -> e.path("name").asText().equals("thread_name")
                && e.path("pid").asInt() == 2 && e.path("tid").asInt() == 2
                && e.path("args").path("name").asText().equals("link[3]")));
    }

    @Test
    void documentDeclaresTimeUnits() throws IOException {
        final JsonNode root = parse(new ChromeTraceRecorder());
        assertTrue(root.path("traceEvents").isArray());
        assertEquals("ns", root.path("displayTimeUnit").asText());
        assertEquals("1 trace microsecond = 1 simulated cycle", root.path("otherData").path("timeUnit").asText());
    }

    @Test
    void manySpansGrowStorageAndKeepOrder() throws IOException {
        final ChromeTraceRecorder recorder = new ChromeTraceRecorder();
        final int track = recorder.track("g", "t");
        for (long i = 0; i < 5_000; i++) {
            recorder.span(track, "s" + (i % 3), i, i + 1);
        }
        final List<JsonNode> spans = events(parse(recorder), "X");
        assertEquals(5_000, recorder.spanCount());
        assertEquals(4_999, spans.get(4_999).path("ts").asLong());
        assertEquals("s1", spans.get(4_999).path("name").asText());
    }

    @Test
    void spanEndingBeforeItStartsIsRejected() {
        final ChromeTraceRecorder recorder = new ChromeTraceRecorder();
        final int track = recorder.track("g", "t");
        assertThrows(IllegalArgumentException.class, () -> recorder.span(track, "x", 10, 9));
    }

    @Test
    void spanOnUnknownTrackIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ChromeTraceRecorder().span(0, "x", 0, 1));
    }

    @Test
    void writingToPathLeavesOnlyTheParsableTrace(@TempDir Path dir) throws IOException {
        final ChromeTraceRecorder recorder = new ChromeTraceRecorder();
        recorder.span(recorder.track("g", "t"), "x", 0, 1);
        final Path file = dir.resolve("trace.json");
        recorder.write(file);
        assertEquals(1, events(new ObjectMapper().readTree(file.toFile()), "X").size());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void disabledRecorderIsOffAndIgnoresSpans() {
        final TraceRecorder recorder = TraceRecorder.disabled();
        assertFalse(recorder.enabled());
        recorder.span(recorder.track("g", "t"), "x", 5, 1);
    }
}
