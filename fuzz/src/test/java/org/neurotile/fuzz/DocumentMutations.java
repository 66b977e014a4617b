package org.neurotile.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Structure-aware mutations of a valid YAML or JSON document: each input is a valid seed document
 * with one to four line-level edits, so most inputs get past the YAML parser and reach the readers'
 * checks. The edits are data (a kind and two numbers), so jqwik shrinks a failing input to the
 * fewest, simplest edits.
 */
public final class DocumentMutations {
    /** The classes of mutation; docs/fuzzing.md lists them. */
    public enum Kind {
        DROP_LINE, DUPLICATE_LINE, MISSPELL_KEY, REPLACE_VALUE, TRUNCATE, INSERT_CHAR, INSERT_SNIPPET, SWAP_LINES,
        REINDENT
    }

    /** An edit: {@code at} picks the line or position, {@code pick} the replacement. */
    public record Edit(Kind kind, int at, int pick) {
    }

    private DocumentMutations() {
    }

    /** Documents made from {@code seeds}, each with one to four edits. */
    public static Arbitrary<String> of(List<String> seeds) {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 1 << 16), Arbitraries.integers().between(0, 1 << 16)).as(Edit::new);
        return Combinators.combine(Arbitraries.of(seeds), edit.list().ofMinSize(1).ofMaxSize(4))
                .as(DocumentMutations::apply);
    }

    public static String apply(String document, List<Edit> edits) {
        String text = document;
        for (Edit edit : edits) {
            text = apply(text, edit);
        }
        return text;
    }

    static String apply(String text, Edit edit) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int line = edit.at() % lines.size();
        String current = lines.get(line);
        switch (edit.kind()) {
            case DROP_LINE -> lines.remove(line);
            case DUPLICATE_LINE -> lines.add(line, current);
            case MISSPELL_KEY -> lines.set(line, misspell(current, edit.pick()));
            case REPLACE_VALUE -> lines.set(line, replaceValue(current, Values.pick(Values.SCALARS, edit.pick())));
            case TRUNCATE -> {
                return text.substring(0, edit.at() % (text.length() + 1));
            }
            case INSERT_CHAR -> {
                int at = edit.at() % (text.length() + 1);
                return text.substring(0, at) + Values.pick(Values.CHARS, edit.pick()) + text.substring(at);
            }
            case INSERT_SNIPPET -> lines.add(line, Values.pick(Values.SNIPPETS, edit.pick()));
            case SWAP_LINES -> {
                int other = edit.pick() % lines.size();
                lines.set(line, lines.get(other));
                lines.set(other, current);
            }
            case REINDENT -> lines.set(line, edit.pick() % 2 == 0 ? current.strip() : "  ".repeat(1 + edit.pick() % 3)
                    + current);
            default -> throw new IllegalStateException("unknown edit " + edit);
        }
        return String.join("\n", lines);
    }

    /** The key of {@code line} with a letter dropped, doubled, swapped with the next or its case flipped. */
    private static String misspell(String line, int pick) {
        int colon = line.indexOf(':');
        int start = firstLetter(line);
        if (colon <= start + 1) {
            return line;
        }
        int at = start + pick % (colon - start - 1);
        char c = line.charAt(at);
        return switch (pick / 7 % 4) {
            case 0 -> line.substring(0, at) + line.substring(at + 1);
            case 1 -> line.substring(0, at) + c + line.substring(at);
            case 2 -> line.substring(0, at) + line.charAt(at + 1) + c + line.substring(at + 2);
            default -> line.substring(0, at) + (Character.isUpperCase(c) ? Character.toLowerCase(c)
                    : Character.toUpperCase(c)) + line.substring(at + 1);
        };
    }

    private static int firstLetter(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '"' || line.charAt(i) == '-')) {
            i++;
        }
        return i;
    }

    /** Replaces what follows the first colon, keeping a JSON line's trailing comma. */
    private static String replaceValue(String line, String value) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return line.isBlank() ? line : line.substring(0, firstLetter(line)) + value;
        }
        String rest = line.substring(colon + 1).stripTrailing();
        return line.substring(0, colon + 1) + " " + value + (rest.endsWith(",") ? "," : "");
    }
}
