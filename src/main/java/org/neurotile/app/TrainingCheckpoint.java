package org.neurotile.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neurotile.neuron.train.EpochResult;
import org.neurotile.neuron.train.Trainer;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.io.AtomicFiles;

/**
 * A training run's checkpoint: the resolved configuration, where the run stands and the trainer's
 * state (model, optimizer, the draws of stochastic rounding), in one binary file replaced
 * atomically. The data order is recomputed from the seed; stochastic rounding's generator is
 * counter-based, so its state is one count.
 */
final class TrainingCheckpoint {
    private static final String MAGIC = "neurotile-training-checkpoint";
    private static final int VERSION = 2;
    private static final String FILE = "checkpoint.bin";

    private TrainingCheckpoint() {
    }

    /** Where a run writing to {@code out} keeps its checkpoint. */
    static Path fileFor(Path out) {
        Path absolute = out.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".checkpoint").resolve(FILE);
    }

    /**
     * The checkpoint file in {@code directory}, after removing the temporary files of a killed run.
     * A directory holding anything else is refused: it is not the checkpoint directory of a run.
     */
    static Path prepare(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return file;
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException(directory + ": exists and is not a checkpoint directory; move it away "
                    + "or give another --out");
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (isTemporary(name)) {
                    Files.delete(child);
                } else if (!name.equals(FILE)) {
                    throw new InvalidInputException(directory + ": holds " + name + ", which is not a training "
                            + "checkpoint; move it away or give another --out");
                }
            }
        }
        return file;
    }

    /** Removes the checkpoint of a finished run, and its directory when nothing else is in it. */
    static void remove(Path file) throws IOException {
        Files.deleteIfExists(file);
        try (DirectoryStream<Path> children = Files.newDirectoryStream(file.getParent())) {
            for (Path child : children) {
                if (isTemporary(child.getFileName().toString())) {
                    Files.delete(child);
                }
            }
        } catch (NoSuchFileException e) {
            return;
        }
        try {
            Files.deleteIfExists(file.getParent());
        } catch (DirectoryNotEmptyException e) {
            // Someone else's file: kept.
        }
    }

    /** A temporary file of {@link AtomicFiles} writing the checkpoint. */
    private static boolean isTemporary(String name) {
        return name.startsWith("." + FILE) && name.endsWith(".tmp");
    }

    static void write(Path file, Map<String, Object> config, Trainer.Position position, Trainer trainer)
            throws IOException {
        AtomicFiles.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            byte[] json = new ObjectMapper().writeValueAsBytes(config);
            out.writeInt(json.length);
            out.write(json);
            out.writeInt(position.epoch());
            out.writeInt(position.examplesDone());
            out.writeDouble(position.lossSum());
            out.writeLong(position.correct());
            out.writeInt(position.history().size());
            for (EpochResult r : position.history()) {
                out.writeInt(r.epoch());
                out.writeDouble(r.learningRate());
                out.writeDouble(r.trainLoss());
                out.writeDouble(r.trainAccuracy());
                out.writeDouble(r.testLoss());
                out.writeDouble(r.testAccuracy());
                out.writeDouble(r.wallSeconds());
                writeAngles(out, r.updateAngleDegrees());
                writeAngles(out, r.feedbackAngleDegrees());
            }
            trainer.writeState(out);
            out.flush();
        });
    }

    /** Restores the trainer's state and returns where to continue; the configuration must be this run's. */
    static Trainer.Position read(Path file, Map<String, Object> config, Trainer trainer) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--resume: no checkpoint at " + file + " (write one with "
                    + "--checkpoint-every N)");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
                throw new InvalidInputException(file + ": not a neurotile training checkpoint of version " + VERSION);
            }
            byte[] json = new byte[in.readInt()];
            in.readFully(json);
            ObjectMapper mapper = new ObjectMapper();
            JsonNode stored = mapper.readTree(new String(json, StandardCharsets.UTF_8));
            JsonNode current = mapper.readTree(mapper.writeValueAsBytes(config)); // numbers typed as when read
            if (!stored.equals(current)) {
                throw new InvalidInputException(file + ": written by another configuration (" + difference(stored,
                        current) + "); resume with the same options, or start again without --resume");
            }
            int epoch = in.readInt();
            int done = in.readInt();
            double lossSum = in.readDouble();
            long correct = in.readLong();
            int epochs = in.readInt();
            List<EpochResult> history = new ArrayList<>();
            for (int e = 0; e < epochs; e++) {
                history.add(new EpochResult(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble(), readAngles(in), readAngles(in)));
            }
            trainer.readState(in);
            return new Trainer.Position(epoch, done, lossSum, correct, history);
        } catch (EOFException e) {
            throw new InvalidInputException(file + ": truncated checkpoint");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": unreadable checkpoint (" + e.getMessage() + ")");
        }
    }

    private static void writeAngles(DataOutputStream out, Map<Integer, Double> angles) throws IOException {
        out.writeInt(angles.size());
        for (Map.Entry<Integer, Double> angle : angles.entrySet()) {
            out.writeInt(angle.getKey());
            out.writeDouble(angle.getValue());
        }
    }

    private static Map<Integer, Double> readAngles(DataInputStream in) throws IOException {
        Map<Integer, Double> angles = new TreeMap<>();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            angles.put(in.readInt(), in.readDouble());
        }
        return angles;
    }

    /** The first key whose value differs, for the message. */
    private static String difference(JsonNode stored, JsonNode current) {
        Iterator<String> names = current.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!current.get(name).equals(stored.get(name))) {
                return "'" + name + "' is " + stored.get(name) + " there and " + current.get(name) + " here";
            }
        }
        return "it has keys this run does not";
    }
}
