package org.neurotile.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neurotile.neuron.train.EpochResult;
import org.neurotile.neuron.train.Trainer;

/**
 * What a checkpoint's position may hold for its run: the epochs and examples of the configuration
 * it was written with, and numbers training can produce (counts not negative, losses not NaN,
 * accuracies in [0, 1]). Reads the position of {@link TrainingCheckpoint} and checks each number
 * as it comes.
 */
record CheckpointBounds(int epochs, int trainExamples, int layers, boolean clipping) {
    /** The configuration's key of gradient clipping, present only when the run clips. */
    static final String CLIP_NORM = "clipNorm";

    /** The bounds of the run whose (checked) configuration is {@code config}. */
    static CheckpointBounds of(JsonNode config) {
        return new CheckpointBounds(config.path("epochs").asInt(), config.path("trainExamples").asInt(),
                config.path("network").asText().split("-").length - 1, config.has(CLIP_NORM));
    }

    Trainer.Position position(Path file, DataInputStream in) throws IOException {
        int epoch = in.readInt();
        check(file, epoch >= 1 && epoch <= epochs, "epoch " + epoch + " is outside the run's 1.." + epochs);
        int done = in.readInt();
        check(file, done >= 0 && done < trainExamples, "examples done " + done + " is outside 0.."
                + (trainExamples - 1) + " of an epoch of " + trainExamples);
        double lossSum = in.readDouble();
        check(file, Double.isFinite(lossSum) && lossSum >= 0 && (done > 0 || lossSum == 0),
                "the loss so far is " + lossSum + " after " + done + " examples");
        long correct = in.readLong();
        check(file, correct >= 0 && correct <= done, "the correct count " + correct + " is outside 0.." + done);
        long clipped = clipping ? clipped(file, in, done, "") : 0;
        int finished = in.readInt();
        check(file, finished == epoch - 1, "it lists " + finished + " finished epochs in epoch " + epoch);
        List<EpochResult> history = new ArrayList<>();
        for (int e = 1; e <= finished; e++) {
            history.add(epochResult(file, in, e));
        }
        return new Trainer.Position(epoch, done, lossSum, correct, clipped, history);
    }

    private EpochResult epochResult(Path file, DataInputStream in, int expected) throws IOException {
        int epoch = in.readInt();
        check(file, epoch == expected, "finished epoch " + expected + " is numbered " + epoch);
        String where = "epoch " + epoch + ": ";
        double learningRate = in.readDouble();
        check(file, Double.isFinite(learningRate) && learningRate > 0, where + "learning rate " + learningRate);
        double trainLoss = in.readDouble();
        check(file, Double.isFinite(trainLoss) && trainLoss >= 0, where + "train loss " + trainLoss);
        double trainAccuracy = fraction(file, in, where + "train accuracy ");
        double testLoss = in.readDouble();
        check(file, testLoss >= 0, where + "test loss " + testLoss); // false for NaN
        double testAccuracy = fraction(file, in, where + "test accuracy ");
        double wallSeconds = in.readDouble();
        check(file, Double.isFinite(wallSeconds) && wallSeconds >= 0, where + "wall time " + wallSeconds + " s");
        Map<Integer, Double> updateAngles = angles(file, in, where);
        Map<Integer, Double> feedbackAngles = angles(file, in, where);
        long clipped = clipping ? clipped(file, in, trainExamples, where) : 0;
        return new EpochResult(epoch, learningRate, trainLoss, trainAccuracy, testLoss, testAccuracy, wallSeconds,
                updateAngles, feedbackAngles, clipped);
    }

    private static long clipped(Path file, DataInputStream in, int examples, String where) throws IOException {
        long clipped = in.readLong();
        check(file, clipped >= 0 && clipped <= examples, where + "the clipped count " + clipped + " is outside 0.."
                + examples);
        return clipped;
    }

    private static double fraction(Path file, DataInputStream in, String what) throws IOException {
        double value = in.readDouble();
        check(file, value >= 0 && value <= 1, what + value + " is outside 0..1");
        return value;
    }

    private Map<Integer, Double> angles(Path file, DataInputStream in, String where) throws IOException {
        int count = in.readInt();
        check(file, count >= 0 && count <= layers, where + count + " angles for a network of " + layers + " layers");
        Map<Integer, Double> angles = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int layer = in.readInt();
            double degrees = in.readDouble();
            check(file, layer >= 1 && layer <= layers && !(degrees < 0 || degrees > 180),
                    where + "an angle of " + degrees + " degrees for layer " + layer);
            angles.put(layer, degrees);
        }
        return angles;
    }

    private static void check(Path file, boolean valid, String problem) {
        if (!valid) {
            throw TrainingCheckpoint.corrupt(file, problem);
        }
    }
}
