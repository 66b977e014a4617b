package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValidateCommandTest {

    @Test
    void everyClosedFormCategoryPassesForACatalogNetwork() {
        CommandLineRunner run = CommandLineRunner.run("validate", "--workload", "mnist-fc", "--array", "8x8");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("mnist-fc               ssdfa     mesh:8x8   wordsMoved"), run.out());
        assertTrue(run.out().contains("12 passed, 0 failed"), run.out());
    }

    @Test
    void aNetworkThatDoesNotFitTheGivenArrayIsAnError() {
        CommandLineRunner run = CommandLineRunner.run("validate", "--workload", "alexnet-fc", "--array", "4x4");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("does not fit"), run.err());
    }
}
