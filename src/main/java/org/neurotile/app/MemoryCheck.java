package org.neurotile.app;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.neurotile.sim.InvalidInputException;
import picocli.CommandLine.Option;

/** Refuses, before any large allocation, a command whose heap estimate exceeds the JVM's maximum heap. */
final class MemoryCheck {
    static final String OPTION = "--no-memory-check";

    @Option(names = OPTION, negatable = false,
            description = "Run even when the estimated heap exceeds the JVM's maximum (raise that with "
                    + "NEUROTILE_JAVA_OPTS=-Xmx...).")
    boolean skip;

    /** Throws unless {@code estimate} fits in the maximum heap or the check is turned off. */
    void require(HeapEstimate estimate, String what) {
        require(estimate, what, Runtime.getRuntime().maxMemory());
    }

    void require(HeapEstimate estimate, String what, long maxHeapBytes) {
        if (skip || estimate.bytes() <= maxHeapBytes) {
            return;
        }
        long suggestedGiB = Math.max(1, (estimate.bytes() + (1L << 30) - 1) >> 30);
        long machineBytes = machineMemoryBytes();
        if (machineBytes > 0 && estimate.bytes() > machineBytes) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "%s needs an estimated %s of memory (mostly for %s), more than this machine's %s; "
                            + "use a smaller network or array (or run anyway with %s)",
                    what, approximate(estimate.bytes()), estimate.dominant(), approximate(machineBytes), OPTION));
        }
        throw new InvalidInputException(String.format(Locale.ROOT,
                "%s needs an estimated %s of memory (mostly for %s), more than this JVM's maximum heap of %s; "
                        + "raise it with NEUROTILE_JAVA_OPTS=-Xmx%dg, or run anyway with %s",
                what, approximate(estimate.bytes()), estimate.dominant(), approximate(maxHeapBytes),
                suggestedGiB, OPTION));
    }

    private static long machineMemoryBytes() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
    }

    /** Bytes to one decimal in the largest binary unit under them: 7.4 GiB. */
    static String approximate(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
