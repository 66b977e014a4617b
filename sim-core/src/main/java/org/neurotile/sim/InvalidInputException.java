package org.neurotile.sim;

/**
 * A user's input (configuration, command-line value, workload or data file) is not valid.
 *
 * <p>The message is one line meant for the user: it names the file, line or key and says what is
 * valid. The application prints it without a stack trace and exits with status 2. A line break or
 * other control character that a user's value brings into the message is shown escaped (a backslash and n,
 * or u and four hex digits), so the message stays one line whatever the input.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(oneLine(message));
    }

    public InvalidInputException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        if (message == null || message.codePoints().noneMatch(InvalidInputException::breaksLine)) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length() + 16);
        message.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (breaksLine(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** Control characters, and the Unicode line and paragraph separators. */
    private static boolean breaksLine(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
