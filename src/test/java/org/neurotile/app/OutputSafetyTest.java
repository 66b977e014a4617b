package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.app.output.UserFiles;

/** Commands as a user runs them never delete or overwrite what neurotile did not write. */
class OutputSafetyTest {
    private static final List<String> SMALL_TRAINING = List.of("train", "--train-examples", "40",
            "--test-examples", "10", "--epochs", "1", "--array", "8x8");

    @TempDir
    Path dir;

    /** The CLI in its own process, started in {@code directory}: what a shell does after {@code cd}. */
    private static Result inProcess(Path directory, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Result(process.exitValue(), out, err);
    }

    private record Result(int status, String out, String err) {}

    private static List<String> with(List<String> base, String... more) {
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of(more));
        return args;
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).map(p -> directory.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void trainingIntoTheEmptyPathLeavesTheCurrentDirectoryAlone() throws Exception {
        UserFiles user = UserFiles.create(dir.resolve("user"));
        Result result = inProcess(user.root(), with(SMALL_TRAINING, "--out", ""));
        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().startsWith("train: --out \"\": an empty path is the current directory"), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        user.assertIntact();
    }

    @Test
    void trainingIntoDotLeavesTheCurrentDirectoryAlone() throws Exception {
        UserFiles user = UserFiles.create(dir.resolve("user"));
        Result result = inProcess(user.root(), with(SMALL_TRAINING, "--out", "."));
        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().contains("is the current directory"), result.err());
        user.assertIntact();
    }

    @Test
    void aReportIntoTheEmptyPathLeavesTheCurrentDirectoryAlone() throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, CommandLineRunner.run("run", "--array", "8x8", "--out", run.toString()).status());
        UserFiles user = UserFiles.create(dir.resolve("user"));
        Result result = inProcess(user.root(), List.of("report", run.toString(), "--out", ""));
        assertEquals(2, result.status(), result.err());
        user.assertIntact();
    }

    @Test
    void aReportIntoAnUnrelatedDirectoryLeavesItAlone() throws IOException {
        Path run = dir.resolve("run");
        assertEquals(0, CommandLineRunner.run("run", "--array", "8x8", "--out", run.toString()).status());
        UserFiles thesis = UserFiles.create(dir.resolve("thesis"));
        CommandLineRunner report = CommandLineRunner.run("report", run.toString(), "--out", thesis.root().toString());
        assertEquals(2, report.status());
        assertTrue(report.err().contains("is not a neurotile output"), report.err());
        thesis.assertIntact();
    }

    @Test
    void aReportOverTheRunItReadsLeavesTheRunAlone() throws IOException {
        Path run = dir.resolve("run");
        assertEquals(0, CommandLineRunner.run("run", "--array", "8x8", "--out", run.toString()).status());
        List<String> before = files(run);
        String counts = Files.readString(run.resolve("counts.csv"));
        CommandLineRunner report = CommandLineRunner.run("report", run.toString(), "--out", run.toString());
        assertEquals(2, report.status());
        assertTrue(report.err().contains("which this command also reads or writes"), report.err());
        assertEquals(before, files(run));
        assertEquals(counts, Files.readString(run.resolve("counts.csv")));
    }

    @Test
    void aSecondRunIntoTheSameDirectoryLeavesNoneOfTheFirstRunsFiles() throws IOException {
        Path out = dir.resolve("out");
        Path fresh = dir.resolve("fresh");
        assertEquals(0, CommandLineRunner.run("run", "--array", "8x8", "--rule", "bp", "--trace", "--out",
                out.toString()).status());
        assertEquals(0, CommandLineRunner.run("run", "--array", "8x8", "--rule", "ssdfa", "--out",
                out.toString()).status());
        assertEquals(0, CommandLineRunner.run("run", "--array", "8x8", "--rule", "ssdfa", "--out",
                fresh.toString()).status());
        assertFalse(Files.exists(out.resolve("trace.json")), "bp's trace is gone");
        assertEquals(files(fresh), files(out));
    }

    @Test
    void aSecondNocRunIntoTheSameDirectoryReplacesTheFirstWhole() throws IOException {
        Path out = dir.resolve("noc");
        Path fresh = dir.resolve("fresh");
        assertEquals(0, CommandLineRunner.run("noc", "--array", "4x4", "--rates", "0.1", "--measure", "500",
                "--stats", "--out", out.toString()).status());
        assertEquals(0, CommandLineRunner.run("noc", "--array", "4x4", "--rates", "0.2", "--measure", "500",
                "--out", out.toString()).status());
        assertEquals(0, CommandLineRunner.run("noc", "--array", "4x4", "--rates", "0.2", "--measure", "500",
                "--out", fresh.toString()).status());
        assertEquals(files(fresh), files(out));
        assertEquals(Files.readString(fresh.resolve("noc.csv")), Files.readString(out.resolve("noc.csv")));
    }

    @Test
    void aFailedRunLeavesTheEarlierOutputByteForByte() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, CommandLineRunner.run("run", "--array", "8x8", "--out", out.toString()).status());
        String counts = Files.readString(out.resolve("counts.csv"));
        CommandLineRunner failed = CommandLineRunner.run("run", "--workload", "alexnet-fc", "--array", "2x2",
                "--out", out.toString());
        assertEquals(2, failed.status(), failed.out());
        assertEquals(counts, Files.readString(out.resolve("counts.csv")));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("out"), siblings.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith("-lock")).toList(), "no staging directory left");
        }
    }

    @Test
    void anOutputHoldingAnInputIsRefused() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path chip = Files.writeString(inputs.resolve("chip.yaml"), "array: 8x8\n");
        UserFiles user = UserFiles.create(inputs);
        CommandLineRunner run = CommandLineRunner.run("train", "--train-examples", "40", "--test-examples", "10",
                "--epochs", "1", "--chip", chip.toString(), "--out", inputs.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("which this command also reads or writes"), run.err());
        user.assertIntact();
    }

    @Test
    void aSecondTrainingOnTheSameOutputIsRefusedWhileTheFirstRuns() throws Exception {
        Path out = dir.resolve("train");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of("train", "--train-examples", "2000", "--epochs", "50", "--array", "8x8",
                "--checkpoint-every", "100", "--out", out.toString()));
        Process first = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Path checkpoint = TrainingCheckpoint.fileFor(out);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(checkpoint) && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(checkpoint), "the first run is under way");
            byte[] before = Files.readAllBytes(checkpoint);
            CommandLineRunner second = CommandLineRunner.run(with(SMALL_TRAINING, "--checkpoint-every", "10",
                    "--out", out.toString()).toArray(String[]::new));
            assertEquals(2, second.status());
            assertTrue(second.err().contains("another neurotile process is writing there"), second.err());
            assertEquals(1, second.err().lines().count(), second.err());
            assertTrue(first.isAlive(), "the first run goes on");
            assertTrue(Files.exists(checkpoint) && Files.size(checkpoint) == before.length);
        } finally {
            first.destroyForcibly().waitFor();
        }
    }

    @Test
    void temporaryCheckpointFilesOfAKilledRunAreRemovedByTheNextRun() throws IOException {
        Path out = dir.resolve("train");
        Path checkpoints = Files.createDirectories(dir.resolve("train.checkpoint"));
        Files.writeString(checkpoints.resolve(".checkpoint.bin.0123.tmp"), "half a checkpoint");
        Files.createDirectories(dir.resolve(".train.neurotile-staging-0000abcd"));
        CommandLineRunner run = CommandLineRunner.run(with(SMALL_TRAINING, "--checkpoint-every", "10", "--out",
                out.toString()).toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("train"), siblings.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith("-lock")).toList());
        }
    }

    @Test
    void aCheckpointDirectoryHoldingAUsersFileIsRefusedAndKept() throws IOException {
        Path out = dir.resolve("train");
        Path checkpoints = Files.createDirectories(dir.resolve("train.checkpoint"));
        Files.writeString(checkpoints.resolve("mine.txt"), "mine");
        CommandLineRunner run = CommandLineRunner.run(with(SMALL_TRAINING, "--out", out.toString())
                .toArray(String[]::new));
        assertEquals(2, run.status());
        assertTrue(run.err().contains("which is not a training checkpoint"), run.err());
        assertEquals("mine", Files.readString(checkpoints.resolve("mine.txt")));
    }

    @Test
    void aSecondCompareIntoTheSameDirectoryReplacesTheFirst() throws IOException {
        Path out = dir.resolve("compare");
        assertEquals(0, CommandLineRunner.run("compare", "--workloads", "mnist-fc", "--rules", "bp,dfa",
                "--array", "8x8", "--out", out.toString()).status());
        CommandLineRunner second = CommandLineRunner.run("compare", "--workloads", "mnist-fc", "--rules", "dfa",
                "--array", "8x8", "--out", out.toString());
        assertEquals(0, second.status(), second.err());
        assertFalse(Files.exists(out.resolve("runs/mnist-fc/bp")), "the first compare's bp run is gone");
        assertTrue(second.out().contains("open " + out.toAbsolutePath().resolve("report/index.html").toUri()),
                second.out());
        assertTrue(second.out().contains("wrote " + out.resolve("runs/mnist-fc")), second.out());
    }

    @Test
    void aStateDumpOntoAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("dump"), "user data");
        CommandLineRunner run = CommandLineRunner.run("run", "--array", "8x8", "--dump-state", file.toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--dump-state " + file + ": exists and is not a directory"), run.err());
        assertEquals("user data", Files.readString(file));
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }
}
