package org.neurotile.sim;

/** A user's text (a value, a key, a spec) as an error message quotes it. */
public final class UserText {
    /** Enough to recognise a value; a longer one is cut, so a megabyte value makes a short message. */
    public static final int SHOWN_CHARS = 60;

    private UserText() {
    }

    /**
     * {@code text} cut to {@link #SHOWN_CHARS} characters with its length added; control characters
     * are left to {@link InvalidInputException}, which shows them escaped.
     */
    public static String shown(String text) {
        if (text == null || text.length() <= SHOWN_CHARS) {
            return String.valueOf(text);
        }
        return text.substring(0, SHOWN_CHARS) + "... (" + text.length() + " characters)";
    }
}
