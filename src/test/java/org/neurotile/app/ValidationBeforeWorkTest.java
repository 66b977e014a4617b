package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad or empty input is refused in one line, exit 2, before any work and before any output. */
class ValidationBeforeWorkTest {
    @TempDir
    Path dir;

    private void assertRefused(CommandLineRunner run, String start, Path out) {
        assertEquals(2, run.status(), run.out() + run.err());
        assertTrue(run.err().startsWith(start), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(Files.exists(out), "wrote " + out);
    }

    @Test
    void aHeaderAsLargeAsThePacketIsRefusedOnTheCommandLineAndInAFile() throws IOException {
        Path out = dir.resolve("out");
        assertRefused(CommandLineRunner.run("noc", "--header-bytes", "100", "--out", out.toString()),
                "noc: a header of 100 bytes (headerBytes) leaves no payload in a packet of 4 flits of 16 bytes", out);
        Path config = dir.resolve("noc.yaml");
        Files.writeString(config, "headerBytes: 16\npacketFlits: 1\n");
        assertRefused(CommandLineRunner.run("noc", "--config", config.toString(), "--out", out.toString()),
                "noc: a header of 16 bytes (headerBytes) leaves no payload", out);
    }

    @Test
    void warmUpAndWindowTogetherMayNotPassTheLongestRun() {
        Path out = dir.resolve("out");
        assertRefused(CommandLineRunner.run("noc", "--warmup", "68719476736", "--measure", "1", "--out",
                out.toString()), "noc: warm-up 68719476736 + measure 1 cycles (warmupCycles + measureCycles) is over",
                out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "sdfa:k=0; run: rule 'sdfa:k=0': k must be a whole number in 1..65536",
        "sdfa:k=-3; run: rule 'sdfa:k=-3': k must be a whole number in 1..65536",
        "sdfa:k=4,k=5; run: rule 'sdfa:k=4,k=5': option 'k' is given twice",
        "sdfa:k=11; run: rule 'sdfa:k=11': k=11 is outside 1..10 (the network's outputs)",
        "binary-dfa:k=0; run: rule 'binary-dfa:k=0': k must be a whole number in 1..32768",
        "binary-dfa:k=two; run: rule 'binary-dfa:k=two': k must be a whole number in 1..32768",
        "binary-dfa:k=11; run: rule 'binary-dfa:k=11': k=11 is outside 1..10 (the network's outputs)",
        "hybrid:p=2; run: rule 'hybrid:p=2': p must be a number in [0, 1]",
        "blocked-dfa:s=0; run: rule 'blocked-dfa:s=0': s must be a whole number at least 1"})
    void aRuleOptionOutOfRangeIsOneLineWithoutAStackTrace(String rule, String start) {
        Path out = dir.resolve("out");
        assertRefused(CommandLineRunner.run("run", "--rule", rule, "--out", out.toString()), start, out);
    }

    @Test
    void aRepeatedNumberFormatSettingIsRefused() {
        Path out = dir.resolve("out");
        assertRefused(CommandLineRunner.run("train", "--numbers", "fixed8:frac=3,frac=4", "--out", out.toString()),
                "train: --numbers 'fixed8:frac=3,frac=4': setting 'frac' is given twice", out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "run --compare ,,,; run: --compare: no rule given",
        "run --compare dfa,,bp; run: --compare: an empty rule between commas",
        "run --compare dfa,dfa; run: --compare: rule 'dfa' is given twice",
        "compare --rules ,; compare: --rules: no rule given",
        "compare --workloads ,; compare: --workloads: no workload given",
        "compare --workloads mnist-fc,mnist-fc; compare: --workloads: workload 'mnist-fc' is given twice",
        "validate --workload ,; validate: --workload: no workload given",
        "validate --array 1x1; validate: nothing to check: no catalog network fits the 1x1 array of 512 KiB tiles"})
    void aCommandThatWouldDoNothingSaysSo(String command, String start) {
        Path out = dir.resolve("out");
        String[] words = command.split(" ");
        String[] args = words[0].equals("validate") ? words
                : java.util.stream.Stream.concat(java.util.Arrays.stream(words),
                        java.util.stream.Stream.of("--out", out.toString())).toArray(String[]::new);
        CommandLineRunner run = CommandLineRunner.run(args);
        assertRefused(run, start, out);
        assertEquals("", run.out());
    }

    @Test
    void aOneTileArrayIsAChipThatDoesRealWork() {
        Path out = dir.resolve("out");
        CommandLineRunner run = CommandLineRunner.run("run", "--array", "1x1", "--tile-memory", "64MiB", "--out",
                out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("on mesh:1x1 of 64 MiB tiles"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("cycles\\s+[1-9][0-9,]*")), run.out());
    }

    @Test
    void compareWithAWorkloadThatDoesNotFitWritesNothing() {
        Path out = dir.resolve("out");
        CommandLineRunner run = CommandLineRunner.run("compare", "--workloads", "mnist-fc,alexnet-fc", "--rules",
                "dfa", "--array", "4x4", "--out", out.toString());
        assertRefused(run, "compare: alexnet-fc: rule 'dfa': 9216-4096-4096-1000 does not fit on 16 tiles", out);
        assertEquals("", run.out());
    }

    @Test
    void compareWithARuleThatDoesNotApplyToTheLastWorkloadWritesNothing() {
        Path out = dir.resolve("out");
        CommandLineRunner run = CommandLineRunner.run("compare", "--workloads", "alexnet-fc,mnist-fc", "--rules",
                "dfa,sdfa:k=100", "--out", out.toString());
        assertRefused(run, "compare: mnist-fc: rule 'sdfa:k=100': k=100 is outside 1..10", out);
    }

    @Test
    void runChecksEveryComparedRuleBeforeTheFirst() {
        Path out = dir.resolve("out");
        assertRefused(CommandLineRunner.run("run", "--compare", "dfa,fp:m=3", "--out", out.toString()),
                "run: rule 'fp:m=3': m=3 is outside 0..2", out);
    }

    @Test
    void anEmptyIdxTrainingSetIsRefusedNamingTheFile() throws IOException {
        Path data = Files.createDirectory(dir.resolve("mnist"));
        writeIdx(data.resolve("train-images-idx3-ubyte"), 0x803, 0, 28, 28);
        writeIdx(data.resolve("train-labels-idx1-ubyte"), 0x801, 0);
        writeIdx(data.resolve("t10k-images-idx3-ubyte"), 0x803, 0, 28, 28);
        writeIdx(data.resolve("t10k-labels-idx1-ubyte"), 0x801, 0);
        Path out = dir.resolve("out");
        assertRefused(CommandLineRunner.run("train", "--data", data.toString(), "--epochs", "1", "--array", "8x8",
                "--out", out.toString()), "train: " + data.resolve("train-images-idx3-ubyte")
                + ": holds no examples; the training split needs at least one", out);
    }

    @Test
    void anEmptyCsvTestSetIsRefusedNamingTheFile() throws IOException {
        Path train = dir.resolve("train.csv");
        Files.writeString(train, "3," + "0.5,".repeat(783) + "0.5\n");
        Path test = dir.resolve("test.csv");
        Files.writeString(test, "# no examples\n\n");
        Path out = dir.resolve("out");
        assertRefused(CommandLineRunner.run("train", "--data", train.toString(), "--test-data", test.toString(),
                "--epochs", "1", "--array", "8x8", "--out", out.toString()),
                "train: " + test + ": holds no examples", out);
    }

    private static void writeIdx(Path file, int magic, int... dimensions) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * dimensions.length);
        header.putInt(magic);
        for (int dimension : dimensions) {
            header.putInt(dimension);
        }
        Files.write(file, header.array());
    }
}
