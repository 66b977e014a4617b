package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import org.neurotile.neuron.chip.ChipSpec;

/**
 * Chip files ({@code --chip FILE}): mutated YAML and the chip.json a run writes. A chip that loads,
 * written as chip.json again, reads back to the same chip.
 */
class ChipFileFuzzTest {
    private final ParserOracle oracle = new ParserOracle();

    static String chipJson(ChipSpec chip) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(ChipConfigFile.toConfig(chip));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> chips() {
        return DocumentMutations.of(List.of(Seeds.text("chip.yaml"), chipJson(ChipSpec.DEFAULTS)));
    }

    @Property(tries = 700, seed = "10511")
    void chipFilesLoadOrAreRefusedAndReadBackFromChipJson(@ForAll("chips") String document) {
        InputFiles.withText(".yaml", document, file -> check(document, file));
    }

    @FuzzTest(maxDuration = "5m")
    void chipFile(@NotNull byte[] bytes) {
        InputFiles.withBytes(".json", bytes, file -> check(new String(bytes, StandardCharsets.UTF_8), file));
    }

    private Object check(String document, Path file) {
        oracle.check(document, file.toString(), () -> ChipConfigFile.read(file, ChipSpec.DEFAULTS)).ifPresent(chip ->
                InputFiles.withText(".json", chipJson(chip), written -> {
                    assertEquals(chip, ChipConfigFile.read(written, ChipSpec.DEFAULTS),
                            () -> "chip.json of a chip read from " + document + " reads back to another chip");
                    return null;
                }));
        return null;
    }
}
