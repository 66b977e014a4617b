package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real checkpoint, left by a training run killed part way, corrupted one field at a time: each
 * resume fails with one line naming the checkpoint and what is wrong.
 */
class CorruptCheckpointTest {
    private static final List<String> OPTIONS = List.of("train", "--train-examples", "1500", "--test-examples",
            "200", "--epochs", "2", "--array", "8x8", "--checkpoint-every", "100");
    /** writeUTF's length, then the magic text "neurotile-training-checkpoint". */
    private static final int VERSION_AT = 2 + 29;
    private static final int CONFIG_LENGTH_AT = VERSION_AT + 4;

    @TempDir
    static Path killed;
    @TempDir
    Path dir;
    private static byte[] checkpoint;

    @BeforeAll
    static void killATrainingRunOnceItHasACheckpoint() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(OPTIONS);
        command.addAll(List.of("--out", killed.resolve("run").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path file = TrainingCheckpoint.fileFor(killed.resolve("run"));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(file) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(100);
        process.destroyForcibly().waitFor();
        checkpoint = Files.readAllBytes(file);
    }

    /** Where the position starts: after the configuration's JSON. */
    private static int positionAt() {
        return CONFIG_LENGTH_AT + 4 + ByteBuffer.wrap(checkpoint).getInt(CONFIG_LENGTH_AT);
    }

    private CommandLineRunner resume(byte[] bytes) throws IOException {
        Path out = dir.resolve("run");
        Path file = TrainingCheckpoint.fileFor(out);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        List<String> args = new ArrayList<>(OPTIONS);
        args.addAll(List.of("--resume", "--out", out.toString()));
        return CommandLineRunner.run(args.toArray(String[]::new));
    }

    private void assertRefused(Consumer<ByteBuffer> corruption, String problem) throws IOException {
        byte[] bytes = checkpoint.clone();
        corruption.accept(ByteBuffer.wrap(bytes));
        assertRefused(bytes, problem);
    }

    private void assertRefused(byte[] bytes, String problem) throws IOException {
        CommandLineRunner run = resume(bytes);
        assertEquals(2, run.status(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("checkpoint.bin: corrupt checkpoint: ") && run.err().contains(problem),
                run.err());
    }

    @Test
    void theUntouchedCheckpointResumes() throws IOException {
        CommandLineRunner run = resume(checkpoint);
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("resuming in epoch"), run.out());
    }

    @Test
    void aWrongMagicIsNotACheckpoint() throws IOException {
        assertRefused(b -> b.put(5, (byte) 'X'), "not a neurotile training checkpoint");
    }

    @Test
    void anotherVersionSaysWhichItIs() throws IOException {
        assertRefused(b -> b.putInt(VERSION_AT, 99), "a checkpoint of version 99");
    }

    @Test
    void aNegativeConfigurationLengthIsRefusedBeforeAllocating() throws IOException {
        assertRefused(b -> b.putInt(CONFIG_LENGTH_AT, -7), "its configuration's length -7 is outside");
    }

    @Test
    void aHugeConfigurationLengthIsRefusedBeforeAllocating() throws IOException {
        assertRefused(b -> b.putInt(CONFIG_LENGTH_AT, Integer.MAX_VALUE), "length 2147483647 is outside");
    }

    @Test
    void anEpochPastTheRunsEndIsRefused() throws IOException {
        assertRefused(b -> b.putInt(positionAt(), 3), "epoch 3 is outside the run's 1..2");
    }

    @Test
    void aNegativeExampleCountIsRefused() throws IOException {
        assertRefused(b -> b.putInt(positionAt() + 4, -5), "examples done -5 is outside");
    }

    @Test
    void aNanLossIsRefused() throws IOException {
        assertRefused(b -> b.putDouble(positionAt() + 8, Double.NaN), "the loss so far is NaN");
    }

    @Test
    void moreCorrectExamplesThanDoneAreRefused() throws IOException {
        assertRefused(b -> b.putLong(positionAt() + 16, Long.MAX_VALUE), "the correct count");
    }

    @Test
    void aHugeHistoryLengthIsRefused() throws IOException {
        assertRefused(b -> b.putInt(positionAt() + 24, Integer.MAX_VALUE), "finished epochs");
    }

    @Test
    void aWrongStateArrayLengthIsRefusedBeforeReadingIt() throws IOException {
        assertRefused(b -> {
            int finished = b.getInt(positionAt() + 24);
            b.putInt(positionAt() + 28 + 60 * finished, Integer.MAX_VALUE); // 60 bytes per epoch without angles
        }, "an array of 2147483647 values");
    }

    @Test
    void aTruncatedCheckpointSaysSo() throws IOException {
        assertRefused(Arrays.copyOf(checkpoint, checkpoint.length / 2), "truncated");
    }

    @Test
    void trailingBytesAreRefused() throws IOException {
        assertRefused(Arrays.copyOf(checkpoint, checkpoint.length + 8), "more bytes than the state of this run");
    }

    @Test
    void aCheckpointOfOtherOptionsNamesTheDifference() throws IOException {
        Path out = dir.resolve("run");
        Path file = TrainingCheckpoint.fileFor(out);
        Files.createDirectories(file.getParent());
        Files.write(file, checkpoint);
        List<String> args = new ArrayList<>(OPTIONS);
        args.set(OPTIONS.indexOf("--epochs") + 1, "3");
        args.addAll(List.of("--resume", "--out", out.toString()));
        CommandLineRunner run = CommandLineRunner.run(args.toArray(String[]::new));
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("checkpoint.bin: written by another configuration ('epochs' is 2 there and 3 "
                + "here)"), run.err());
    }
}
