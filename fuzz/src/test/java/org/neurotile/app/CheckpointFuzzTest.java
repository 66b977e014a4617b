package org.neurotile.app;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.neurotile.fuzz.ByteMutations;
import org.neurotile.fuzz.InputFiles;
import org.neurotile.fuzz.ParserOracle;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.train.EpochResult;
import org.neurotile.neuron.train.Trainer;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

/**
 * Training checkpoints ({@code train --resume}): checkpoints written by small runs (sgd, adam, a rule
 * that learns its feedback), with their lengths, counts and bytes mutated, read back by the same run.
 */
class CheckpointFuzzTest {
    private static final NetworkSpec NETWORK = new NetworkSpec("fuzz", 6, List.of(Dense.of(5, Activation.RELU),
            Dense.of(3, Activation.IDENTITY)));
    private static final List<String> RUNS = List.of("dfa/sgd", "dfa/adam", "directional-dfa/momentum");

    private final ParserOracle oracle = new ParserOracle();

    static Trainer trainer(String run) {
        String[] parts = run.split("/");
        return new Trainer(new Trainer.Settings(NETWORK, LearningRules.parse(parts[0], 3), Precision.FLOAT32,
                Optimizer.Settings.of(OptimizerCost.byName(parts[1])), 0.01, 1.0, 3, 3, true));
    }

    static Map<String, Object> config(String run) {
        return new TreeMap<>(Map.of("run", run, "seed", 3)); // an order fixed from run to run
    }

    /** A checkpoint of {@code run} after one epoch, as train --checkpoint-every writes it. */
    static byte[] checkpoint(String run) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("fuzz-checkpoint");
            Path file = dir.resolve("checkpoint.bin");
            EpochResult first = new EpochResult(1, 0.01, 1.5, 0.5, 1.6, 0.4, 0.1, Map.of(1, 80.0), Map.of(1, 60.0));
            TrainingCheckpoint.write(file, config(run), new Trainer.Position(2, 1, 0.7, 1, List.of(first)), trainer(run));
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                dir.resolve("checkpoint.bin").toFile().delete();
                dir.toFile().delete();
            }
        }
    }

    @Provide
    Arbitrary<byte[]> checkpoints() {
        // the version, the configuration's length, then, after the configuration, the position's counts,
        // the history's length and its angle counts, and the first words of the trainer's state
        List<Integer> fields = new ArrayList<>(List.of(31, 35));
        for (String run : RUNS) {
            int end = 39 + ByteBuffer.wrap(checkpoint(run), 35, 4).getInt();
            for (int offset : new int[] {0, 4, 24, 28, 80, 96, 112, 116, 120, 124, 128}) {
                fields.add(end + offset);
            }
        }
        return ByteMutations.of(RUNS.stream().map(CheckpointFuzzTest::checkpoint).toList(), fields);
    }

    @Property(tries = 600, seed = "10513")
    void checkpointsRestoreOrAreRefusedOnOneLine(@ForAll("checkpoints") byte[] bytes) {
        check(bytes, RUNS.get(Math.floorMod(bytes.length, RUNS.size())));
    }

    @FuzzTest(maxDuration = "5m")
    void checkpoint(@NotNull byte[] bytes) {
        check(bytes, RUNS.get(1));
    }

    private void check(byte[] bytes, String run) {
        InputFiles.withBytes(".bin", bytes, file -> oracle.check(HexFormat.of().formatHex(bytes), file.toString(),
                () -> TrainingCheckpoint.read(file, config(run), trainer(run))));
    }
}
