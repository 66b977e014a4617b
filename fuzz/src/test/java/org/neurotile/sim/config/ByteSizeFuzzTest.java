package org.neurotile.sim.config;

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

/** Byte sizes ({@code --tile-memory}, {@code tileMemoryBytes}, an energy table's SRAM sizes). */
class ByteSizeFuzzTest {
    private final ParserOracle oracle = new ParserOracle();

    @Provide
    Arbitrary<String> sizes() {
        return SpecStrings.of(List.of("512KiB", "64KB", "4096", "4096B", "1TiB", " 8 MiB "), SpecStrings.tokens(
                List.of("B", "KB", "kB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB", "kib", "K", "iB", "PiB",
                        "9223372036854775807", "8388608", "8388607")));
    }

    @Property(tries = 2000, seed = "10502")
    void sizesParseOrAreRefusedAndPrintBackToThemselves(@ForAll("sizes") String text) {
        check(text);
    }

    @FuzzTest(maxDuration = "5m")
    void byteSize(@NotNull byte[] bytes) {
        check(new String(bytes, StandardCharsets.UTF_8));
    }

    private void check(String text) {
        oracle.check(text, "byte size", () -> ByteSize.parse(text)).ifPresent(bytes -> {
            assertEquals(true, bytes >= 0, () -> "negative size from '" + text + "'");
            assertEquals(bytes, ByteSize.parse(bytes + "B"), () -> "'" + text + "' does not print back");
        });
    }
}
