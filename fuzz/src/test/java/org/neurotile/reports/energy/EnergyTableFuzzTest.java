package org.neurotile.reports.energy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.neurotile.fuzz.DocumentMutations;
import org.neurotile.fuzz.InputFiles;
import org.neurotile.fuzz.ParserOracle;
import org.neurotile.fuzz.Seeds;

/**
 * Energy tables ({@code --energy FILE}): mutated presets. A table that loads must price every
 * memory size with a finite, non-negative energy: the report multiplies counts by it.
 */
class EnergyTableFuzzTest {
    private static final long[] MEMORY_BYTES = {1, 1000, 8 << 10, 512 << 10, 1 << 20, 3 << 20, 1L << 40};

    private final ParserOracle oracle = new ParserOracle();

    @Provide
    Arbitrary<String> tables() {
        return DocumentMutations.of(EnergyTable.PRESETS.stream()
                .map(name -> Seeds.resource(EnergyTable.class, "/org/neurotile/reports/energy/" + name + ".yaml"))
                .toList());
    }

    @Property(tries = 700, seed = "10510")
    void tablesLoadAndPriceFinitelyOrAreRefusedOnOneLine(@ForAll("tables") String document) {
        InputFiles.withText(".yaml", document, file -> check(document, file));
    }

    @FuzzTest(maxDuration = "5m")
    void energyTable(@NotNull byte[] bytes) {
        InputFiles.withBytes(".yaml", bytes, file -> check(new String(bytes, StandardCharsets.UTF_8), file));
    }

    private Object check(String document, Path file) {
        oracle.check(document, file.toString(), () -> EnergyTable.resolve(file.toString())).ifPresent(table -> {
            for (long bytes : MEMORY_BYTES) {
                for (double pj : List.of(table.sramReadPj(bytes), table.sramWritePj(bytes))) {
                    assertTrue(Double.isFinite(pj) && pj >= 0, () -> "a table that loads prices " + bytes
                            + " bytes of SRAM at " + pj + " pJ: " + document);
                }
            }
        });
        return null;
    }
}
