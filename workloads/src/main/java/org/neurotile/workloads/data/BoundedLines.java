package org.neurotile.workloads.data;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text line by line (ends: {@code \n}, {@code \r\n} or {@code \r}), refusing a line longer than
 * a limit as soon as the limit is passed: a file of one endless line costs the limit, not the line.
 */
final class BoundedLines {
    /** A line longer than the limit; {@code lineNumber} is 1-based. */
    static final class TooLong extends Exception {
        private static final long serialVersionUID = 1L;
        final long lineNumber;

        TooLong(long lineNumber) {
            super(null, null, false, false);
            this.lineNumber = lineNumber;
        }
    }

    private final Reader reader;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long lineNumber;
    private boolean skipLineFeed;

    BoundedLines(Reader reader, int maxChars) {
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /** The number of the line {@link #next()} returned last. */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without its end, or null at the end of the text. */
    String next() throws IOException, TooLong {
        StringBuilder line = null;
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (line == null) {
                        return null;
                    }
                    lineNumber++;
                    return line.toString();
                }
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            if (line == null) {
                line = new StringBuilder();
            }
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            if (line.length() + position - start > maxChars) {
                throw new TooLong(lineNumber + 1);
            }
            line.append(buffer, start, position - start);
            if (position < limit) {
                skipLineFeed = buffer[position] == '\r';
                position++;
                lineNumber++;
                return line.toString();
            }
        }
    }
}
