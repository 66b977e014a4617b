package org.neurotile.neuron.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.neurotile.fuzz.ParserOracle;
import org.neurotile.fuzz.SpecStrings;

/** Number-format specs ({@code --numbers}, {@code --weight-numbers}, ...): a parsed format prints its spec back. */
class NumberFormatFuzzTest {
    private static final String OPTION = "--numbers";

    private final ParserOracle oracle = new ParserOracle();

    @Provide
    Arbitrary<String> specs() {
        return SpecStrings.of(List.of("float32", "fixed8", "fixed16", "fixed8:frac=5", "fixed16:frac=12,rounding=stochastic",
                "fixed8:rounding=nearest"), SpecStrings.tokens(List.of("float32", "fixed8", "fixed16", "fixed",
                "fixed32", "FIXED8", "float64", "frac=", "rounding=", "nearest", "stochastic", "frac", "rounding")));
    }

    @Property(tries = 2000, seed = "10504")
    void specsParseOrAreRefusedAndPrintBackToThemselves(@ForAll("specs") String spec) {
        check(spec);
    }

    @FuzzTest(maxDuration = "5m")
    void numberFormats(@NotNull byte[] bytes) {
        check(new String(bytes, StandardCharsets.UTF_8));
    }

    private void check(String spec) {
        oracle.check(spec, OPTION, () -> NumberFormat.parse(OPTION, spec)).ifPresent(format ->
                assertEquals(format, NumberFormat.parse(OPTION, format.spec()), () -> "'" + spec + "' does not print back"));
    }
}
