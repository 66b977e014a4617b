package org.neurotile.app;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar for long work, redrawn in place on a terminal and silent otherwise (CI
 * logs and pipes get only the command's own output).
 */
final class Progress {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean enabled;
    private final int total;
    private int done;

    private Progress(PrintWriter out, boolean enabled, int total) {
        this.out = out;
        this.enabled = enabled;
        this.total = total;
    }

    /** A bar on {@code out} if this process writes to a terminal, otherwise a silent one. */
    static Progress onTerminal(PrintWriter out, int total) {
        return new Progress(out, System.console() != null && !"dumb".equals(System.getenv("TERM")), total);
    }

    static Progress silent() {
        return new Progress(null, false, 0);
    }

    /** Shows that {@code label} is being worked on. */
    void starting(String label) {
        draw(label);
    }

    /** Shows {@code done} steps done, for work that counts its own progress. */
    void at(int done, String label) {
        this.done = done;
        draw(label);
    }

    /** Counts one step done. */
    void stepDone() {
        done++;
        draw("");
    }

    /** Clears the bar so that the next output starts on a clean line. */
    void finish() {
        if (enabled) {
            out.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            out.flush();
        }
    }

    static String bar(int done, int total, int width) {
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    private void draw(String label) {
        if (!enabled) {
            return;
        }
        String text = String.format(Locale.ROOT, "\r%s %d/%d %s", bar(done, total, WIDTH), done, total, label);
        out.print(text.length() > WIDTH + 60 ? text.substring(0, WIDTH + 60) : text + " ".repeat(WIDTH + 60 - text.length()));
        out.flush();
    }
}
