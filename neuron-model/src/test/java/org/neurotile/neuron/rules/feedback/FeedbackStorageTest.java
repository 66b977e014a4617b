package org.neurotile.neuron.rules.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neurotile.neuron.plan.PlanFixture.network;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.plan.FeedbackEncoding;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.MemoryKind;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

class FeedbackStorageTest {
    private static final NetworkSpec NET = network(20, 30, 50, 40); // L = 3, n_L = 40

    private static List<Long> feedbackBytes(StorageModel storage) {
        return List.of(storage.feedbackBytesPerNeuron(1), storage.feedbackBytesPerNeuron(2),
                storage.feedbackBytesPerNeuron(3));
    }

    @Test
    void directFeedbackKeepsAWordPerOutputError() {
        assertEquals(List.of(160L, 160L, 0L), feedbackBytes(FeedbackStorage.directFeedback(NET, 4)));
    }

    @Test
    void feedbackAlignmentKeepsAWordPerNeuronOfTheLayerAbove() {
        assertEquals(List.of(200L, 160L, 0L), feedbackBytes(FeedbackStorage.feedbackAlignment(NET, 4)));
    }

    @Test
    void sparseFeedbackKeepsAValueAndAnIndexPerConnection() {
        assertEquals(List.of(18L, 18L, 0L), feedbackBytes(FeedbackStorage.sparse(NET, 4, 3, 2)));
        assertEquals(List.of(6L, 6L, 0L), feedbackBytes(FeedbackStorage.sparse(NET, 4, 1, 2)));
    }

    @Test
    void sparseSignFeedbackKeepsOnlyTheIndexPerConnection() {
        assertEquals(List.of(6L, 6L, 0L), feedbackBytes(FeedbackStorage.sparse(NET, 4, 3, 2, FeedbackEncoding.SIGN)));
    }

    @Test
    void aSignInTheIndexHalvesTheErrorsItCanName() {
        NetworkSpec wide = network(4, 8, 200);
        assertThrows(IllegalArgumentException.class, () -> FeedbackStorage.sparse(wide, 4, 1, 1, FeedbackEncoding.SIGN));
        assertEquals(1, FeedbackStorage.sparse(network(4, 8, 128), 4, 1, 1, FeedbackEncoding.SIGN).feedbackBytesPerNeuron(1));
        assertEquals(32_768, FeedbackEncoding.SIGN.addressableErrors(2));
    }

    @Test
    void binaryFeedbackKeepsABitPerOutputErrorInWholeWords() {
        assertEquals(List.of(8L, 8L, 0L), feedbackBytes(FeedbackStorage.binary(NET, 4))); // 40 bits: 2 words
    }

    @Test
    void blockedFeedbackKeepsAWordPerNeuronOfTheSource() {
        StorageModel storage = FeedbackStorage.blocked(NET, 4, new FeedbackBlocks(3, 2), FeedbackEncoding.DENSE);
        assertEquals(List.of(200L, 160L, 0L), feedbackBytes(storage)); // layer 1 feeds back delta_2
    }

    @Test
    void aFrozenLayerKeepsFeedbackOnlyIfATrainedLayerBelowNeedsItsDelta() {
        NetworkSpec net = new NetworkSpec("frozen", 20, List.of(Dense.of(30, Activation.RELU),
                new Dense(50, Activation.RELU, false), Dense.of(40, Activation.IDENTITY)));
        assertEquals(List.of(160L, 0L, 0L), feedbackBytes(FeedbackStorage.directFeedback(net, 4)));
        assertEquals(List.of(200L, 160L, 0L), feedbackBytes(FeedbackStorage.feedbackAlignment(net, 4)));
    }

    @Test
    void indicesTooNarrowForTheOutputsAreRefused() {
        NetworkSpec wide = network(4, 8, 300);
        assertThrows(IllegalArgumentException.class, () -> FeedbackStorage.sparse(wide, 4, 1, 1));
        assertEquals(6, FeedbackStorage.sparse(wide, 4, 1, 2).feedbackBytesPerNeuron(1));
    }

    @Test
    void theMappingPlacesTheFeedbackRows() {
        Mapping mapping = Mapping.contiguous(NET, FeedbackStorage.directFeedback(NET, 4), 64, 8192);
        long feedback = 0;
        for (int tile = 0; tile < 64; tile++) {
            feedback += mapping.footprintBytes(tile, MemoryKind.FEEDBACK);
        }
        assertEquals((30 + 50) * 160L, feedback);
    }
}
