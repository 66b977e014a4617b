package org.neurotile.workloads.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.neurotile.fuzz.DocumentMutations;
import org.neurotile.fuzz.InputFiles;
import org.neurotile.fuzz.ParserOracle;

/** CSV data sets ({@code --data FILE.csv}): mutated lines, for networks of a few input sizes. */
class CsvDatasetFuzzTest {
    /** Input sizes of the network the file is read for: small, MNIST, and past what fits in memory. */
    private static final int[] INPUT_SIZES = {3, 784, 1 << 21};
    private static final String SEED = "# label, then three inputs\n0,0.1,0.2,0.3\n1,1,2,3\n\n1,-1.5e3,2.,.5\n0,0,0,0";

    private final ParserOracle oracle = new ParserOracle();

    @Provide
    Arbitrary<String> files() {
        return DocumentMutations.of(List.of(SEED, SEED.replace("\n", "\r\n")));
    }

    @Property(tries = 800, seed = "10509")
    void csvFilesLoadOrAreRefusedOnOneLine(@ForAll("files") String text, @ForAll @IntRange(max = 2) int size) {
        check(text, INPUT_SIZES[size]);
    }

    @FuzzTest(maxDuration = "5m")
    void csvFile(@NotNull byte[] bytes) {
        InputFiles.withBytes(".csv", bytes, file -> oracle.check(new String(bytes, StandardCharsets.UTF_8),
                file.toString(), () -> CsvDataset.load(file, 3, 2)));
    }

    private void check(String text, int inputSize) {
        InputFiles.withText(".csv", text, file ->
                oracle.check(text, file.toString(), () -> CsvDataset.load(file, inputSize, 2)));
    }
}
