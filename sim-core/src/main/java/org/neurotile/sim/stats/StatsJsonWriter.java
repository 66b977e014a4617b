package org.neurotile.sim.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a snapshot as a pretty-printed JSON object:
 * {@code {"counters": {name: value, ...}, "histograms": {name: {"count": .., "sum": .., "mean": ..,
 * "min": .., "max": .., "p50": .., "p90": .., "p99": ..}, ...}}}, keys in name order.
 */
public final class StatsJsonWriter implements StatsWriter {
    private final JsonFactory factory =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    @Override
    public void write(StatsSnapshot snapshot, Writer out) throws IOException {
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeObjectFieldStart("counters");
            for (final StatsSnapshot.CounterValue counter : snapshot.counters()) {
                json.writeNumberField(counter.name(), counter.value());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("histograms");
            for (final StatsSnapshot.HistogramSummary h : snapshot.histograms()) {
                json.writeObjectFieldStart(h.name());
                json.writeNumberField("count", h.count());
                json.writeNumberField("sum", h.sum());
                json.writeNumberField("mean", h.mean());
                json.writeNumberField("min", h.min());
                json.writeNumberField("max", h.max());
                json.writeNumberField("p50", h.p50());
                json.writeNumberField("p90", h.p90());
                json.writeNumberField("p99", h.p99());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        }
        out.flush();
    }
}
