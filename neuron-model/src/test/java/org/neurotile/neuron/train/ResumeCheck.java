package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.neurotile.workloads.data.Dataset;

/** Trains whole, then again with checkpoints, resumes a fresh trainer from the middle one and compares. */
final class ResumeCheck {
    private ResumeCheck() {
    }

    /** Returns the checkpoints' positions; every loss and every weight must match the whole run exactly. */
    static List<Trainer.Position> assertResumesBitForBit(Supplier<Trainer> trainers, Dataset train, Dataset test,
                                                         int checkpointEvery) throws IOException {
        Trainer whole = trainers.get();
        List<EpochResult> expected = whole.train(train, test, new Trainer.Listener() {
        });
        Trainer interrupted = trainers.get();
        List<Trainer.Position> positions = new ArrayList<>();
        List<byte[]> states = new ArrayList<>();
        interrupted.train(train, test, new Trainer.Listener() {
            @Override
            public int checkpointEvery() {
                return checkpointEvery;
            }

            @Override
            public void checkpoint(Trainer.Position position) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    interrupted.writeState(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                positions.add(position);
                states.add(bytes.toByteArray());
            }
        });
        int middle = positions.size() / 2;
        assertTrue(positions.get(middle).examplesDone() > 0, "a checkpoint inside an epoch");
        Trainer resumed = trainers.get();
        resumed.readState(new DataInputStream(new ByteArrayInputStream(states.get(middle))));
        List<EpochResult> actual = resumed.train(train, test, new Trainer.Listener() {
        }, positions.get(middle));
        assertEquals(expected.size(), actual.size());
        for (int e = 0; e < expected.size(); e++) {
            assertEquals(expected.get(e).trainLoss(), actual.get(e).trainLoss(), 0.0, "epoch " + (e + 1));
            assertEquals(expected.get(e).testLoss(), actual.get(e).testLoss(), 0.0, "epoch " + (e + 1));
        }
        for (int l = 1; l <= whole.model().network().layerCount(); l++) {
            assertArrayEquals(whole.model().weights(l), resumed.model().weights(l), "weights of layer " + l);
            assertArrayEquals(whole.model().biases(l), resumed.model().biases(l), "biases of layer " + l);
        }
        return positions;
    }
}
