package org.neurotile.reports.area;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.neurotile.fuzz.DocumentMutations;
import org.neurotile.fuzz.InputFiles;
import org.neurotile.fuzz.ParserOracle;
import org.neurotile.fuzz.Seeds;
import org.neurotile.sim.InvalidInputException;

/**
 * Area tables ({@code --area FILE}): mutated presets. A table that loads must give every memory
 * size and word width a finite, positive area that grows with the size, or refuse that size in one
 * line: a run adds the areas up and a Pareto front compares them.
 */
class AreaTableFuzzTest {
    private static final long[] MEMORY_BYTES = {1, 1000, 8 << 10, 512 << 10, 1 << 20, 3 << 20, 1L << 40};
    private static final int[] WORD_BITS = {8, 12, 16, 32, 64, 512};

    private final ParserOracle oracle = new ParserOracle();

    @Provide
    Arbitrary<String> tables() {
        return DocumentMutations.of(AreaTable.PRESETS.stream()
                .map(name -> Seeds.resource(AreaTable.class, "/org/neurotile/reports/area/" + name + ".yaml"))
                .toList());
    }

    @Property(tries = 700, seed = "10515")
    void tablesLoadAndGiveGrowingFiniteAreasOrAreRefusedOnOneLine(@ForAll("tables") String document) {
        InputFiles.withText(".yaml", document, file -> check(document, file));
    }

    @FuzzTest(maxDuration = "5m")
    void areaTable(@NotNull byte[] bytes) {
        InputFiles.withBytes(".yaml", bytes, file -> check(new String(bytes, StandardCharsets.UTF_8), file));
    }

    private Object check(String document, Path file) {
        oracle.check(document, file.toString(), () -> AreaTable.resolve(file.toString())).ifPresent(table -> {
            double previous = 0;
            for (long bytes : MEMORY_BYTES) {
                previous = grows(previous, () -> table.sramMm2(bytes), bytes + " bytes of SRAM", document);
            }
            previous = 0;
            for (int bits : WORD_BITS) {
                previous = grows(previous, () -> table.macMm2(bits), "a MAC of " + bits + "-bit words", document);
            }
        });
        return null;
    }

    /** The area, which must be finite and above {@code previous}; a refusal leaves {@code previous}. */
    private static double grows(double previous, java.util.function.DoubleSupplier area, String what, String document) {
        double mm2;
        try {
            mm2 = area.getAsDouble();
        } catch (InvalidInputException refusal) {
            ParserOracle.requireOneLine(refusal, what);
            return previous;
        }
        assertTrue(Double.isFinite(mm2) && mm2 > previous, () -> "a table that loads gives " + what + " "
                + mm2 + " mm² after " + previous + ": " + document);
        return mm2;
    }
}
