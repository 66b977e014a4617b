package org.neurotile.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Short specs such as {@code mesh:8x8}, {@code sdfa:k=4} or {@code fixed8:frac=5}: a third made of
 * the grammar's own tokens in any order, a third valid examples with tokens appended (trailing
 * garbage, repeated options), a third valid examples mutated as documents are (values replaced by
 * numbers at and past the limits, characters inserted, truncation).
 */
public final class SpecStrings {
    /** Numbers and separators every spec grammar meets. */
    public static final List<String> COMMON = List.of(
            "0", "1", "2", "3", "4", "8", "16", "-1", "-3", "+4", "08", "1024", "1025", "65536", "2147483647",
            "2147483648", "999999999", "1000000000", "9999999999999999999", "0.5", "1e9", "NaN", "Infinity",
            "-0.0", ":", ",", "=", "x", "X", " ", "\t", "\n", "\u0000", "é", ",,", "::", "==", "");

    private SpecStrings() {
    }

    public static Arbitrary<String> of(List<String> examples, List<String> tokens) {
        Arbitrary<String> joined = Arbitraries.of(tokens).list().ofMinSize(1).ofMaxSize(7)
                .map(parts -> String.join("", parts));
        Arbitrary<String> extended = net.jqwik.api.Combinators.combine(Arbitraries.of(examples), joined)
                .as(String::concat);
        return Arbitraries.oneOf(joined, extended, DocumentMutations.of(examples));
    }

    /** {@code specific} then {@link #COMMON}. */
    public static List<String> tokens(List<String> specific) {
        return java.util.stream.Stream.concat(specific.stream(), COMMON.stream()).toList();
    }
}
