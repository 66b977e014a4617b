package org.neurotile.app.sweep;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a sweep: on a terminal a line redrawn in place (points done, infeasible, failed, ETA);
 * otherwise a line at each tenth of the points, for logs.
 */
final class SweepProgress {
    private static final int WIDTH = 100;
    private final PrintWriter out;
    private final boolean terminal;
    private final int total;
    private final long startNanos;
    private int done;
    private int infeasible;
    private int failed;
    private int lastTenth;

    SweepProgress(PrintWriter out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.startNanos = System.nanoTime();
    }

    void finished(PointRow row) {
        done++;
        if (row.status() == PointRow.Status.INFEASIBLE) {
            infeasible++;
        } else if (row.status() == PointRow.Status.FAILED) {
            failed++;
        }
        if (terminal) {
            String line = "\r" + line();
            out.print(line.length() > WIDTH ? line.substring(0, WIDTH) : line + " ".repeat(WIDTH - line.length()));
            out.flush();
            return;
        }
        int tenth = (int) ((long) done * 10 / total);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            out.println("sweep: " + line());
            out.flush();
        }
    }

    /** Clears a redrawn line. */
    void end() {
        if (terminal && done > 0) {
            out.print("\r" + " ".repeat(WIDTH) + "\r");
            out.flush();
        }
    }

    String line() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long eta = done == 0 ? 0 : Math.round(seconds / done * (total - done));
        return String.format(Locale.ROOT, "%d/%d points (%d %%), %d infeasible, %d failed, ETA %d:%02d", done, total,
                (int) ((long) done * 100 / total), infeasible, failed, eta / 60, eta % 60);
    }
}
