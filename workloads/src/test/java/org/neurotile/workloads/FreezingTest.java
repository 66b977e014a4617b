package org.neurotile.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.neurotile.sim.InvalidInputException;

class FreezingTest {

    @Test
    void convFreezesEveryConvolutionAndNothingElse() {
        NetworkSpec frozen = Freezing.apply(NetworkCatalog.get("cifar10-cnn"), "conv");
        assertEquals(List.of(1, 2, 3), frozen.frozenLayers());
    }

    @Test
    void numbersAndRangesFreezeTheLayersTheyName() {
        NetworkSpec frozen = Freezing.apply(NetworkCatalog.get("mnist-deep-100x200"), "1-3, 5,100-101");
        assertEquals(List.of(1, 2, 3, 5, 100, 101), frozen.frozenLayers());
        assertEquals(NetworkCatalog.get("mnist-deep-100x200").describe(), frozen.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "5", "2-1", "1-2-3", "a", "1,,2", "conv2d"})
    void anInvalidSpecIsOneLineWithTheValidForms(String spec) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Freezing.apply(NetworkCatalog.get("mnist-3x800"), spec));
        assertEquals("--freeze '" + spec + "' is not valid: expected conv, or layer numbers and ranges such as 1-3,5"
                + " (layers 1..4)", e.getMessage());
    }

    @Test
    void convOnAFullyConnectedNetworkSaysItHasNone() {
        assertEquals("--freeze conv: network 'mnist-fc' has no conv2d layer", assertThrows(InvalidInputException.class,
                () -> Freezing.apply(NetworkCatalog.get("mnist-fc"), "conv")).getMessage());
    }
}
