package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.Weights;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

class LossGrowthTest {
    private static final NetworkSpec NET = new NetworkSpec("net", 6, List.of(Dense.of(5, Activation.RELU),
            Dense.of(4, Activation.RELU), Dense.of(3, Activation.IDENTITY)));

    private static EpochResult epoch(int epoch, double testLoss) {
        return new EpochResult(epoch, 0.01, 0.5, 0.5, testLoss, 0.5, 1);
    }

    @Test
    void aTestLossBelowAHundredTimesTheBestSoFarGoesOn() {
        LossGrowth growth = new LossGrowth(Model.initial(NET, 1));
        growth.epochStarts();
        assertNull(growth.check(epoch(2, 0.4 * 99), List.of(epoch(1, 0.4))));
    }

    @Test
    void aTestLossAHundredTimesTheBestSoFarStopsNamingTheEpochsAndLosses() {
        LossGrowth growth = new LossGrowth(Model.initial(NET, 1));
        growth.epochStarts();
        String reason = growth.check(epoch(3, 1e15), List.of(epoch(1, 0.4), epoch(2, 0.9)));
        assertTrue(reason.startsWith("the test loss grew to 1.00e+15, over 100 times epoch 1's (0.400), without a NaN"),
                reason);
    }

    @Test
    void aLossThatStaysFarBelowChancesGoesOnHoweverItGrows() {
        LossGrowth growth = new LossGrowth(Model.initial(NET, 1));
        growth.epochStarts();
        assertNull(growth.check(epoch(2, 1e-7), List.of(epoch(1, 1e-11))), "all but certain and right: rounding");
        assertNull(growth.check(epoch(2, 0.99 * Math.log(3) / 100), List.of(epoch(1, 1e-6))));
        assertTrue(growth.check(epoch(2, 1.01 * Math.log(3) / 100), List.of(epoch(1, 1e-6))) != null,
                "past chance's loss over a hundred, growth is divergence again");
    }

    @Test
    void theFirstEpochIsMeasuredAgainstChancesLoss() {
        LossGrowth growth = new LossGrowth(Model.initial(NET, 1));
        growth.epochStarts();
        assertNull(growth.check(epoch(1, 99 * Math.log(3)), List.of()));
        assertTrue(growth.check(epoch(1, 101 * Math.log(3)), List.of()).contains("chance's loss ln(n_L) (1.10)"));
    }

    @Test
    void theLayerWhoseWeightsGrewMostInTheEpochIsNamed() {
        Model model = Model.initial(NET, 1);
        LossGrowth growth = new LossGrowth(model);
        growth.epochStarts();
        Weights w = model.liveWeights(2);
        for (int k = 0; k < w.length(); k++) {
            w.set(k, w.get(k) * 1e4);
        }
        assertTrue(growth.check(epoch(1, 1e9), List.of()).contains("layer 2's weights grew most"));
    }
}
