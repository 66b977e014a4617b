package org.neurotile.workloads;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.neurotile.fuzz.DocumentMutations;
import org.neurotile.fuzz.InputFiles;
import org.neurotile.fuzz.ParserOracle;
import org.neurotile.fuzz.Seeds;

/** Network files ({@code --workload FILE}), YAML and JSON. */
class NetworkFileFuzzTest {
    private final ParserOracle oracle = new ParserOracle();

    @Provide
    Arbitrary<String> networks() {
        return DocumentMutations.of(List.of(Seeds.text("network.yaml"), Seeds.text("network.json"),
                Seeds.text("network-conv.yaml")));
    }

    @Property(tries = 700, seed = "10506")
    void networkFilesLoadOrAreRefusedOnOneLine(@ForAll("networks") String document) {
        check(document, ".yaml");
    }

    @FuzzTest(maxDuration = "5m")
    void networkFile(@NotNull byte[] bytes) {
        InputFiles.withBytes(".json", bytes, file ->
                oracle.check(new String(bytes, StandardCharsets.UTF_8), file.toString(), () -> Workloads.resolve(file.toString())));
    }

    private void check(String document, String suffix) {
        InputFiles.withText(suffix, document, file ->
                oracle.check(document, file.toString(), () -> Workloads.resolve(file.toString())));
    }
}
