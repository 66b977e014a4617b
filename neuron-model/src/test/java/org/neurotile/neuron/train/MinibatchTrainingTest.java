package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.functional.WeightInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.ClusterDataset;
import org.neurotile.workloads.data.Dataset;

class MinibatchTrainingTest {
    private static final NetworkSpec NET = new NetworkSpec("clusters", 20, List.of(Dense.of(32, Activation.TANH),
            Dense.of(16, Activation.RELU), Dense.of(4, Activation.IDENTITY)));
    private static final Dataset TRAIN = new ClusterDataset(5, 20, 4, 300, 1.5).generate(0);
    private static final Dataset TEST = new ClusterDataset(5, 20, 4, 100, 1.5).generate(300);

    private static Trainer trainer(String rule, OptimizerCost optimizer, double lr, int epochs, int batch) {
        return new Trainer(new Trainer.Settings(NET, LearningRules.parse(rule, 1), Precision.FLOAT32,
                Optimizer.Settings.of(optimizer), lr, 0.9, epochs, 1, true, false, batch));
    }

    private static List<EpochResult> train(Trainer trainer) {
        return trainer.train(TRAIN, TEST, new Trainer.Listener() {
        });
    }

    private static long hash(Trainer trainer) {
        long hash = 17;
        for (int l = 1; l <= NET.layerCount(); l++) {
            for (double w : trainer.model().weights(l)) {
                hash = hash * 31 + Double.doubleToLongBits(w);
            }
            for (double c : trainer.model().biases(l)) {
                hash = hash * 31 + Double.doubleToLongBits(c);
            }
        }
        return hash;
    }

    /**
     * Weights and epoch-2 training loss of two epochs of 300 examples, as trained before minibatches
     * existed (at the initialisation of that time: uniform fan-in weights, the spec's feedback scale).
     */
    @ParameterizedTest
    @CsvSource({
        "bp, SGD, 7640669574032404881, 4598266290263118918",
        "bp, MOMENTUM, 2099267234858152337, 4610738342290784689",
        "bp, ADAM, -7525265354401631855, 4596813726535524457",
        "ssdfa, SGD, -8221581292268539503, 4596952667590115642",
        "ssdfa, MOMENTUM, 6988739893007888785, 4621700088633091574",
        "ssdfa, ADAM, 346401512501948817, 4598519027936101186",
        "fa, SGD, 4832269694882165137, 4598422792138040647",
        "fa, MOMENTUM, 3782902493186765201, 4612814685882305609",
        "fa, ADAM, -8752281954929987183, 4599520284480033173"})
    void aBatchOfOneTrainsBitForBitAsBeforeMinibatches(String rule, OptimizerCost optimizer, long weights,
                                                       long lossBits) {
        String spec = rule.equals("bp") ? rule : rule + ":init=uniform";
        Trainer trainer = new Trainer(new Trainer.Settings(NET, LearningRules.parse(spec, 1), Precision.FLOAT32,
                Optimizer.Settings.of(optimizer), optimizer == OptimizerCost.ADAM ? 0.002 : 0.02, 0.9, 2, 1, true, false,
                1, NumberFormats.FLOAT32, 0, WeightInit.UNIFORM_FAN_IN));
        List<EpochResult> history = train(trainer);
        assertEquals(weights, hash(trainer), "the weights and biases");
        assertEquals(lossBits, Double.doubleToLongBits(history.get(1).trainLoss()), "the training loss");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp", "dfa", "ssdfa"})
    void aBatchOf16LearnsSeparableClusters(String rule) {
        Trainer trainer = new Trainer(new Trainer.Settings(NET, LearningRules.parse(rule, 1), Precision.FLOAT32,
                Optimizer.Settings.of(OptimizerCost.SGD), 0.3, 0.9, 10, 1, true, false, 16));
        List<EpochResult> history = trainer.train(new ClusterDataset(5, 20, 4, 800, 1.5).generate(0),
                new ClusterDataset(5, 20, 4, 400, 1.5).generate(800), new Trainer.Listener() {
                });
        EpochResult last = history.get(history.size() - 1);
        assertTrue(last.testAccuracy() > 0.9, rule + " reached " + last.testAccuracy());
        assertTrue(last.trainLoss() < history.get(0).trainLoss(), rule + ": the loss falls");
    }

    @Test
    void aBatchStepsDifferentlyFromOneExampleAtATime() {
        Trainer one = trainer("dfa", OptimizerCost.SGD, 0.02, 1, 1);
        Trainer batched = trainer("dfa", OptimizerCost.SGD, 0.02, 1, 8);
        train(one);
        train(batched);
        assertNotEquals(hash(one), hash(batched));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam"})
    void aBatchLargerThanTheEpochIsOneStepWithTheMeanOverTheExamplesThereAre(String optimizer) {
        Trainer whole = trainer("ssdfa", OptimizerCost.byName(optimizer), 0.05, 2, TRAIN.size());
        Trainer larger = trainer("ssdfa", OptimizerCost.byName(optimizer), 0.05, 2, 4 * TRAIN.size());
        train(whole);
        train(larger);
        assertEquals(hash(whole), hash(larger));
    }

    @Test
    void theSameSeedAndBatchGiveBitIdenticalRuns() {
        Trainer a = trainer("bp", OptimizerCost.MOMENTUM, 0.05, 2, 7);
        Trainer b = trainer("bp", OptimizerCost.MOMENTUM, 0.05, 2, 7);
        List<EpochResult> first = train(a);
        List<EpochResult> second = train(b);
        for (int e = 0; e < first.size(); e++) {
            assertEquals(first.get(e).trainLoss(), second.get(e).trainLoss(), 0.0);
            assertEquals(first.get(e).testLoss(), second.get(e).testLoss(), 0.0);
        }
        assertEquals(hash(a), hash(b));
    }

    @Test
    void aBatchBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> trainer("dfa", OptimizerCost.SGD, 0.02, 1, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "adam"})
    void aBatchedRunResumedFromACheckpointEndsBitForBitAsAnUninterruptedOne(String optimizer) throws IOException {
        int batch = 16;
        List<Trainer.Position> positions = ResumeCheck.assertResumesBitForBit(
                () -> trainer("dfa", OptimizerCost.byName(optimizer), 0.01, 3, batch), TRAIN, TEST, 100);
        for (Trainer.Position position : positions) {
            assertEquals(0, position.examplesDone() % batch, "checkpoints fall on batch boundaries");
        }
    }

    @Test
    void checkpointsComeAtTheFirstBatchEndPastEachMultipleOfTheInterval() {
        List<Integer> done = new ArrayList<>();
        trainer("dfa", OptimizerCost.SGD, 0.01, 1, 16).train(TRAIN, TEST, new Trainer.Listener() {
            @Override
            public int checkpointEvery() {
                return 100;
            }

            @Override
            public void checkpoint(Trainer.Position position) {
                done.add(position.examplesDone());
            }
        });
        assertEquals(List.of(112, 208), done, "after 100 and 200 of 300; none at the epoch's end of the last epoch");
    }
}
