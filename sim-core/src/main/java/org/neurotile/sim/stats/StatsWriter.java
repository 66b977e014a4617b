package org.neurotile.sim.stats;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.neurotile.sim.io.AtomicFiles;

/** Writes a {@link StatsSnapshot} in one output format. */
public sealed interface StatsWriter permits StatsCsvWriter, StatsJsonWriter {

    /** Writes the snapshot to {@code out}, flushing but not closing it. */
    void write(StatsSnapshot snapshot, Writer out) throws IOException;

    /** Writes the snapshot to a UTF-8 file, replacing it atomically. */
    default void write(StatsSnapshot snapshot, Path file) throws IOException {
        AtomicFiles.writeUtf8(file, out -> write(snapshot, out));
    }
}
