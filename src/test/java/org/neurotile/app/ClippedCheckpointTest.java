package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.train.EpochResult;
import org.neurotile.neuron.train.Trainer;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

class ClippedCheckpointTest {
    private static final NetworkSpec NETWORK = new NetworkSpec("small", 6, List.of(Dense.of(5, Activation.RELU),
            Dense.of(3, Activation.IDENTITY)));

    @TempDir
    Path dir;

    private static Trainer trainer() {
        return new Trainer(new Trainer.Settings(NETWORK, LearningRules.parse("dfa", 3), Precision.FLOAT32,
                Optimizer.Settings.of(OptimizerCost.SGD), 0.01, 1.0, 3, 3, true));
    }

    @Test
    void aClippingRunsCheckpointKeepsTheClippedCounts() throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("network", NETWORK.describe());
        config.put("trainExamples", 100);
        config.put("epochs", 3);
        config.put(CheckpointBounds.CLIP_NORM, 1.0);
        EpochResult first = new EpochResult(1, 0.01, 1.5, 0.5, 1.6, 0.4, 0.1, Map.of(), Map.of(), 7);
        Trainer.Position written = new Trainer.Position(2, 10, 0.7, 4, 3, List.of(first));
        Path file = dir.resolve("checkpoint.bin");
        TrainingCheckpoint.write(file, config, written, trainer());
        Trainer.Position read = TrainingCheckpoint.read(file, config, trainer());
        assertEquals(3, read.clipped());
        assertEquals(7, read.history().get(0).clippedExamples());
        assertEquals(written.history(), read.history());
    }
}
