package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurotile.neuron.functional.WeightInit;
import org.neurotile.neuron.math.NumberFormat;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Workers;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.ClusterDataset;
import org.neurotile.workloads.data.Dataset;

/**
 * Minibatch training gives the bits it gave when every example of a batch went through the step on
 * its own (the fingerprints were taken from that code): whatever the rule, optimizer, precision,
 * number format and clipping, the weights, losses and accuracies of two epochs, on one thread or
 * three.
 */
class BatchedTrainingTest {
    private static final NetworkSpec NET = new NetworkSpec("clusters", 21, List.of(Dense.of(33, Activation.TANH),
            Dense.of(17, Activation.RELU), Dense.of(4, Activation.IDENTITY)));
    private static final Dataset TRAIN = new ClusterDataset(5, 21, 4, 300, 1.5).generate(0);
    private static final Dataset TEST = new ClusterDataset(5, 21, 4, 100, 1.5).generate(300);

    static Trainer.Settings settings(String rule, String optimizer, String precision, String numbers, double clip,
                                     int batch) {
        OptimizerCost kind = OptimizerCost.byName(optimizer);
        NumberFormats formats = numbers.equals("float32") ? NumberFormats.FLOAT32
                : NumberFormats.all(NumberFormat.parse("--numbers", numbers));
        return new Trainer.Settings(NET, LearningRules.parse(rule, 1), Precision.byName(precision),
                Optimizer.Settings.of(kind), kind.equals(OptimizerCost.ADAM) ? 0.003 : 0.05, 0.9, 2, 1, true, false,
                batch, formats, clip, WeightInit.DEFAULT);
    }

    /** The weights and biases hashed, then every epoch's losses and accuracies as bits. */
    static String fingerprint(Trainer trainer, List<EpochResult> history) {
        long hash = 17;
        for (int l = 1; l <= NET.layerCount(); l++) {
            for (double w : trainer.model().weights(l)) {
                hash = mix(hash, w);
            }
            for (double c : trainer.model().biases(l)) {
                hash = mix(hash, c);
            }
        }
        StringBuilder text = new StringBuilder(Long.toHexString(hash));
        for (EpochResult epoch : history) {
            text.append(' ').append(Long.toHexString(Double.doubleToLongBits(epoch.trainLoss())))
                    .append(' ').append(Long.toHexString(Double.doubleToLongBits(epoch.testLoss())))
                    .append(' ').append(Math.round(epoch.trainAccuracy() * 300))
                    .append(' ').append(Math.round(epoch.testAccuracy() * 100));
        }
        return text.toString();
    }

    private static long mix(long hash, double value) {
        long h = (hash ^ Double.doubleToRawLongBits(value)) * 0x9e3779b97f4a7c15L;
        return h ^ (h >>> 29);
    }

    static String run(Trainer trainer) {
        List<EpochResult> history = trainer.train(TRAIN, TEST, new Trainer.Listener() {
        });
        return fingerprint(trainer, history);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "bp; sgd; float32; float32; 0; 8; d10d3cda74da6148 3fed5fc48d0cd403 3fdda7cc30a18be3 191 86 3fd79ce17c8251bd 3fd3737218df7c09 267 86",
        "bp; momentum; float64; float32; 0; 7; f84ff6b3d3e3254c 3fe4bfe7d7354e6c 3fd896b468dd65d7 225 84 3fd5a5c34e590ceb 3fe7100551fae349 261 84",
        "dfa; sgd; float32; float32; 0; 32; 50210be25524a15d 3ff6f5c710bafa8e 3ff4d44109138174 98 47 3ff4e5fa159f19c7 3ff3da5b80572973 117 53",
        "dfa; adam; float32; float32; 0; 16; c97a78b616fcdab 3ff65806ba406d75 3ff4fcc2cf8a1b91 100 45 3ff3e4e2c856e71a 3ff47615978a7872 138 52",
        "dfa; momentum; float64; float32; 0; 5; 3173538953d2bd77 3fe71b30365c3f26 3fc1b9744fe4ff3c 211 95 3fd7b084c50bde95 3fd3aea4dd7264a8 267 96",
        "ssdfa; sgd; float32; float32; 0; 8; f77a4abd54106325 3ff4db5781a458b2 3ff255b07ca4ce5b 125 52 3ff11abf84f994bc 3ff0641e3a03fd72 160 55",
        "fp:m=2; sgd; float32; float32; 0; 8; 21b22d9d689d096a 3ff244b66a3435f1 3fea450c27366db2 154 75 3fe6d37824d15bd3 3fe1c1004c0abe91 224 83",
        "fa; momentum; float32; float32; 0; 8; 656e6c0976abbf4 3ff02097c199d54f 3fe1033400e1c8fc 163 78 3fdb510b4d4ce333 3fd79b603649c4ea 244 86",
        "directional-dfa; sgd; float32; float32; 0; 8; 1b830b10c1670803 3ff4fca36bec1c0c 3ff2d37b5c304ce3 116 51 3ff1810f3ae770e3 3ff0f5494ec4044e 167 59",
        "hybrid:p=0.3; momentum; float32; float32; 0; 8; 674b119e3de07700 3fe8f7562397de26 3fdc39ab21769848 207 87 3fe1aa2c4acfe128 3fea4ff7234bbc77 257 82",
        "dfa; sgd; float32; fixed16:frac=12; 0; 8; aee676c0e1e38a47 3ff4ca8141106343 3ff2749c07e635ce 122 54 3ff0b53f294ad555 3fee6951cf503d34 165 63",
        "bp; sgd; float32; fixed16:frac=11,rounding=stochastic; 0; 8; a0c827a059c4473f 3fed66314eedc663 3fddd2a93d364036 192 86 3fd79a5977d9bbd9 3fd381faf9ecd263 268 87",
        "dfa; sgd; float32; float32; 0.5; 8; 4e798905f7eb3333 3ff7746dd9f8a604 3ff59c3759d9733c 94 40 3ff63179eaf12cb3 3ff4dc9f96499e61 103 47",
        "bp; adam; float64; float32; 0; 1; bafb5fb1912fa02b 3fe3be4f0150079a 3fcc176532f5d903 232 94 3fc652e2bc032818 3fd2efac2ef128c2 284 85",
        "hybrid:p=0.3; momentum; float64; float32; 0; 4; c7b3623f8ab361c0 3ff352369e8bf37f 3fe2d6413ecd8bd7 202 81 400401c63db16753 40017785199d05da 206 74",
        "dfa; momentum; float32; fixed16:frac=12; 0; 4; 5eede99e59785ef6 3fe992109efafdfe 3fbde885f31b4cb1 210 94 3fd5a254b766fde2 3fcc05517b32dae3 270 94",
        "ssdfa; adam; float64; float32; 0; 6; f8db13030375d018 3ff6948c5dfae0ee 3ff523f9a47a7573 110 41 3ff3db69a9a30acc 3ff0d3764b5b8b88 127 54",
        "dfa; momentum; float32; float32; 0; 50; 68cee3faf3705b7f 3ff6afee278c4b0a 3ff4145e8bc025da 102 52 3ff2bf39453cf679 3ff2bfe403064c84 137 54",
        "bp; sgd; float64; float32; 0.5; 45; e23db793cc7e7a37 3ff7f27022477ee0 3ff62ea62de754fa 92 37 3ff767a8b5d1f3a0 3ff5c71d553ed249 96 40",
        "binary-dfa:k=2; sgd; float32; float32; 0; 10; ca88a26a15a78357 3ff5ed493d561bf4 3ff35709103dc406 105 48 3ff04703160b1216 3fe9aa6ca7e1aeb4 173 69"})
    void aMinibatchTrainsBitForBitAsExampleByExampleOnOneThreadOrThree(String rule, String optimizer, String precision,
                                                                        String numbers, double clip, int batch,
                                                                        String expected) {
        assertEquals(expected, run(new Trainer(settings(rule, optimizer, precision, numbers, clip, batch))), "one thread");
        try (Workers three = Workers.of(3, 1)) { // every product split, however small
            assertEquals(expected, run(new Trainer(settings(rule, optimizer, precision, numbers, clip, batch), three)),
                    "three threads");
        }
    }
}
