package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.neurotile.sim.InvalidInputException;

/**
 * NoC config files ({@code noc --config FILE}). Settings that load and check out, written as the
 * config.json a run writes, read back to the same settings.
 */
class NocConfigFuzzTest {
    private final ParserOracle oracle = new ParserOracle();

    @Provide
    Arbitrary<String> configs() {
        return DocumentMutations.of(List.of(Seeds.text("noc.yaml")));
    }

    @Property(tries = 600, seed = "10512")
    void nocConfigsLoadOrAreRefusedAndReadBackFromConfigJson(@ForAll("configs") String document) {
        InputFiles.withText(".yaml", document, file -> check(document, file));
    }

    @FuzzTest(maxDuration = "5m")
    void nocConfig(@NotNull byte[] bytes) {
        InputFiles.withBytes(".yaml", bytes, file -> check(new String(bytes, StandardCharsets.UTF_8), file));
    }

    private Object check(String document, Path file) {
        oracle.check(document, file.toString(), () -> {
            NocSettingsBuilder builder = new NocSettingsBuilder();
            NocConfigFile.apply(file, builder);
            return builder;
        }).ifPresent(builder -> {
            NocSettings settings;
            try {
                settings = builder.build();
            } catch (InvalidInputException e) {
                return; // a cross-field refusal names the settings, not the file
            }
            InputFiles.withText(".json", json(settings), written -> {
                NocSettingsBuilder again = new NocSettingsBuilder();
                NocConfigFile.apply(written, again);
                assertEquals(settings, again.build(), () -> "config.json of " + document + " reads back to other settings");
                return null;
            });
        });
        return null;
    }

    private static String json(NocSettings settings) {
        try {
            return new ObjectMapper().writeValueAsString(settings.asConfig());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
