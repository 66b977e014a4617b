package org.neurotile.fuzz;

/** Inputs as Java string literals, cut to a readable length, for failure messages and regression tests. */
public final class Escape {
    private static final int MAX_CHARS = 600;

    private Escape() {
    }

    public static String text(String text) {
        StringBuilder out = new StringBuilder("\"");
        int end = Math.min(text.length(), MAX_CHARS);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return text.length() > MAX_CHARS ? out + " ... (" + text.length() + " chars)" : out.toString();
    }
}
