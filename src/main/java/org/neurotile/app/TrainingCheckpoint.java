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
import java.util.Iterator;
import java.util.Map;
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
    /** The checkpoint directory of a run writing to {@code OUT} is {@code OUT} with this suffix. */
    static final String DIRECTORY_SUFFIX = ".checkpoint";
    /** A run's configuration is a few KB of JSON; a longer length is corruption, not a configuration. */
    private static final int MAX_CONFIG_BYTES = 1 << 20;

    private TrainingCheckpoint() {
    }

    /** Where a run writing to {@code out} keeps its checkpoint. */
    static Path fileFor(Path out) {
        Path absolute = out.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + DIRECTORY_SUFFIX).resolve(FILE);
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
            boolean clipping = config.containsKey(CheckpointBounds.CLIP_NORM); // only then: older checkpoints read alike
            if (clipping) {
                out.writeLong(position.clipped());
            }
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
                if (clipping) {
                    out.writeLong(r.clippedExamples());
                }
            }
            trainer.writeState(out);
            out.flush();
        });
    }

    /**
     * Restores the trainer's state and returns where to continue; the configuration must be this run's.
     * Every length is checked before anything is allocated from it, and every number of the position
     * against the run (an epoch past its end, a negative count, a NaN loss): a corrupt checkpoint is
     * one line naming the file and what is wrong, never a run continued from nonsense.
     */
    static Trainer.Position read(Path file, Map<String, Object> config, Trainer trainer) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--resume: no checkpoint at " + file + " (write one with "
                    + "--checkpoint-every N)");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw corrupt(file, "not a neurotile training checkpoint");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw corrupt(file, "a checkpoint of version " + version + ", this neurotile reads version " + VERSION);
            }
            int length = in.readInt();
            if (length < 0 || length > MAX_CONFIG_BYTES || length > Files.size(file)) {
                throw corrupt(file, "its configuration's length " + length + " is outside 0.."
                        + Math.min(MAX_CONFIG_BYTES, Files.size(file)));
            }
            byte[] json = new byte[length];
            in.readFully(json);
            ObjectMapper mapper = new ObjectMapper();
            JsonNode stored = mapper.readTree(new String(json, StandardCharsets.UTF_8));
            JsonNode current = mapper.readTree(mapper.writeValueAsBytes(config)); // numbers typed as when read
            if (stored == null || !stored.equals(current)) {
                throw new InvalidInputException(file + ": written by another configuration (" + difference(stored,
                        current) + "); resume with the same options, or start again without --resume");
            }
            CheckpointBounds bounds = CheckpointBounds.of(current);
            Trainer.Position position = bounds.position(file, in);
            trainer.readState(in);
            if (in.read() != -1) {
                throw corrupt(file, "it holds more bytes than the state of this run");
            }
            return position;
        } catch (EOFException e) {
            throw corrupt(file, "truncated");
        } catch (IOException e) {
            throw corrupt(file, "unreadable (" + firstLine(e.getMessage()) + ")");
        }
    }

    /** A checkpoint that cannot be resumed from, with what is wrong. */
    static InvalidInputException corrupt(Path file, String problem) {
        return new InvalidInputException(file + ": corrupt checkpoint: " + problem + " (start again without --resume)");
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static void writeAngles(DataOutputStream out, Map<Integer, Double> angles) throws IOException {
        out.writeInt(angles.size());
        for (Map.Entry<Integer, Double> angle : angles.entrySet()) {
            out.writeInt(angle.getKey());
            out.writeDouble(angle.getValue());
        }
    }

    /** The first key whose value differs, for the message. */
    private static String difference(JsonNode stored, JsonNode current) {
        if (stored == null || !stored.isObject()) {
            return "it holds no configuration";
        }
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
