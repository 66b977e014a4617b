package org.neurotile.sim.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neurotile.sim.io.AtomicFiles;

/**
 * Collects spans in memory and writes them as Chrome trace-event JSON, which Perfetto and
 * chrome://tracing open. Each group becomes a process and each track a thread. One trace
 * microsecond stands for one simulated cycle, so the viewer's "us" readings are cycles.
 *
 * <p>Spans are kept in primitive arrays with interned names, so recording allocates only when the
 * arrays grow. Not thread-safe.
 */
public final class ChromeTraceRecorder implements TraceRecorder {
    private static final int INITIAL_CAPACITY = 1024;

    private record TrackKey(String group, String name) {}

    private final JsonFactory jsonFactory =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private final Map<String, Integer> processIds = new LinkedHashMap<>();
    private final Map<TrackKey, Integer> trackIds = new HashMap<>();
    private final List<TrackKey> tracks = new ArrayList<>();
    private final Map<String, Integer> nameIds = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    private int spanCount;
    private int[] spanTracks = new int[INITIAL_CAPACITY];
    private int[] spanNames = new int[INITIAL_CAPACITY];
    private long[] spanStartCycles = new long[INITIAL_CAPACITY];
    private long[] spanDurationCycles = new long[INITIAL_CAPACITY];

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public int track(String group, String name) {
        final TrackKey key = new TrackKey(Objects.requireNonNull(group, "group"), Objects.requireNonNull(name, "name"));
        final Integer existing = trackIds.get(key);
        if (existing != null) {
            return existing;
        }
        processIds.computeIfAbsent(group, g -> processIds.size() + 1);
        final int id = tracks.size();
        tracks.add(key);
        trackIds.put(key, id);
        return id;
    }

    @Override
    public void span(int track, String name, long startCycles, long endCycles) {
        if (track < 0 || track >= tracks.size()) {
            throw new IllegalArgumentException("unknown trace track " + track);
        }
        if (startCycles < 0 || endCycles < startCycles) {
            throw new IllegalArgumentException(
                    "span '" + name + "' must have 0 <= start <= end, got " + startCycles + ".." + endCycles);
        }
        if (spanCount == spanTracks.length) {
            grow();
        }
        spanTracks[spanCount] = track;
        spanNames[spanCount] = nameIds.computeIfAbsent(name, n -> {
            names.add(n);
            return names.size() - 1;
        });
        spanStartCycles[spanCount] = startCycles;
        spanDurationCycles[spanCount] = endCycles - startCycles;
        spanCount++;
    }

    public long spanCount() {
        return spanCount;
    }

    /** Writes the trace to {@code file}, replacing it atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeUtf8(file, this::write);
    }

    /** Writes the trace to {@code out}, flushing but not closing it. */
    public void write(Writer out) throws IOException {
        try (JsonGenerator json = jsonFactory.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("traceEvents");
            writeMetadata(json);
            for (int i = 0; i < spanCount; i++) {
                final TrackKey track = tracks.get(spanTracks[i]);
                json.writeStartObject();
                json.writeStringField("name", names.get(spanNames[i]));
                json.writeStringField("ph", "X");
                json.writeNumberField("pid", processIds.get(track.group()));
                json.writeNumberField("tid", spanTracks[i] + 1);
                json.writeNumberField("ts", spanStartCycles[i]);
                json.writeNumberField("dur", spanDurationCycles[i]);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("displayTimeUnit", "ns");
            json.writeObjectFieldStart("otherData");
            json.writeStringField("timeUnit", "1 trace microsecond = 1 simulated cycle");
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        }
        out.flush();
    }

    // Sort indices keep the viewer in creation order rather than alphabetical order.
    private void writeMetadata(JsonGenerator json) throws IOException {
        for (final Map.Entry<String, Integer> process : processIds.entrySet()) {
            startMetadataEvent(json, "process_name", process.getValue(), 0);
            json.writeStringField("name", process.getKey());
            endMetadataEvent(json);
            startMetadataEvent(json, "process_sort_index", process.getValue(), 0);
            json.writeNumberField("sort_index", process.getValue());
            endMetadataEvent(json);
        }
        for (int id = 0; id < tracks.size(); id++) {
            final int pid = processIds.get(tracks.get(id).group());
            startMetadataEvent(json, "thread_name", pid, id + 1);
            json.writeStringField("name", tracks.get(id).name());
            endMetadataEvent(json);
            startMetadataEvent(json, "thread_sort_index", pid, id + 1);
            json.writeNumberField("sort_index", id + 1);
            endMetadataEvent(json);
        }
    }

    private static void startMetadataEvent(JsonGenerator json, String event, int pid, int tid) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", event);
        json.writeStringField("ph", "M");
        json.writeNumberField("pid", pid);
        json.writeNumberField("tid", tid);
        json.writeObjectFieldStart("args");
    }

    private static void endMetadataEvent(JsonGenerator json) throws IOException {
        json.writeEndObject();
        json.writeEndObject();
    }

    private void grow() {
        final int capacity = Math.multiplyExact(spanTracks.length, 2);
        spanTracks = Arrays.copyOf(spanTracks, capacity);
        spanNames = Arrays.copyOf(spanNames, capacity);
        spanStartCycles = Arrays.copyOf(spanStartCycles, capacity);
        spanDurationCycles = Arrays.copyOf(spanDurationCycles, capacity);
    }
}
