package org.neurotile.sim.stats;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a snapshot as RFC 4180 CSV with a header row and '\n' line ends: counters first, then
 * histograms, each sorted by name. Counter rows fill {@code value}; histogram rows fill the
 * summary columns. Names such as {@code tile[3,4].x} are quoted because they contain commas.
 */
public final class StatsCsvWriter implements StatsWriter {
    static final String HEADER = "name,kind,value,count,sum,mean,min,max,p50,p90,p99";

    @Override
    public void write(StatsSnapshot snapshot, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (final StatsSnapshot.CounterValue counter : snapshot.counters()) {
            out.write(quote(counter.name()) + ",counter," + counter.value() + ",,,,,,,,\n");
        }
        for (final StatsSnapshot.HistogramSummary h : snapshot.histograms()) {
            out.write(quote(h.name()) + ",histogram,," + h.count() + "," + h.sum() + "," + h.mean() + ","
                    + h.min() + "," + h.max() + "," + h.p50() + "," + h.p90() + "," + h.p99() + "\n");
        }
        out.flush();
    }

    /** Quotes a field if it contains a comma, quote or line break, doubling inner quotes. */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
