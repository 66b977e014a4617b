package org.neurotile.sim.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.neurotile.fuzz.DocumentMutations;
import org.neurotile.fuzz.ParserOracle;
import org.neurotile.fuzz.Seeds;
import org.neurotile.sim.InvalidInputException;

/**
 * The configuration reader under every config file (chip, NoC, network, energy table): mutated
 * documents are loaded from a file, then every key is read with every typed getter, as the readers
 * on top of it do.
 */
class ConfigFileFuzzTest {
    private static final List<String> SEEDS = List.of("chip.yaml", "noc.yaml", "network.yaml", "network.json",
            "network-conv.yaml");
    private static final DoubleRange ANY = DoubleRange.finite();

    private final ParserOracle oracle = new ParserOracle();

    @Provide
    Arbitrary<String> documents() {
        return DocumentMutations.of(SEEDS.stream().map(Seeds::text).toList());
    }

    @Property(tries = 1500, seed = "10501")
    void mutatedDocumentsReadOrAreRefusedOnOneLine(@ForAll("documents") String document) {
        check(document);
    }

    /** Coverage-guided: {@code JAZZER_FUZZ=1}; a plain test run replays the stored inputs. */
    @FuzzTest(maxDuration = "5m")
    void configFile(@NotNull byte[] bytes) {
        org.neurotile.fuzz.InputFiles.withBytes(".yaml", bytes, file -> {
            oracle.check(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), file.toString(),
                    () -> readEverything(file));
            return null;
        });
    }

    private void check(String document) {
        org.neurotile.fuzz.InputFiles.withText(".yaml", document, file ->
                oracle.check(document, file.toString(), () -> readEverything(file)));
    }

    /** Loads the file and reads each key as each type; a refusal of one getter must be one line too. */
    static ConfigSection readEverything(Path file) {
        ConfigSection root = ConfigFile.load(file);
        readSection(root, file.toString(), 0);
        return root;
    }

    private static void readSection(ConfigSection section, String name, int depth) {
        for (String key : section.keys()) {
            List<Runnable> getters = List.of(
                    () -> section.getLong(key, 0, Long.MIN_VALUE, Long.MAX_VALUE),
                    () -> section.getInt(key, 0, 1, 1 << 20),
                    () -> section.getDouble(key, 0, ANY),
                    () -> section.getBoolean(key, false),
                    () -> section.getString(key, ""),
                    () -> section.getChoice(key, "", List.of("tree", "unicast")),
                    () -> section.getByteSize(key, 0, 1, 1L << 40),
                    () -> section.getDoubleList(key, List.of(), ANY),
                    () -> section.requireOnlyKeys(List.of("array", "topology")),
                    () -> section.getSection(key));
            for (Runnable getter : getters) {
                try {
                    getter.run();
                } catch (InvalidInputException e) {
                    ParserOracle.requireOneLine(e, name);
                }
            }
            if (depth < 3) {
                try {
                    readSection(section.getSection(key), name, depth + 1);
                } catch (InvalidInputException e) {
                    ParserOracle.requireOneLine(e, name);
                }
            }
        }
    }
}
