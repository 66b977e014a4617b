package org.neurotile.workloads.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkCatalog;

class DatasetTest {
    private static final Dataset DATA = Dataset.of("toy", 2, 3, new float[] {1, 2, 3, 4, 5, 6}, new int[] {2, 0, 2});

    @Test
    void inputsAreStoredExampleAfterExample() {
        assertEquals(3f, DATA.input(1, 0));
        final float[] into = new float[3];
        DATA.copyInput(2, into);
        assertArrayEquals(new float[] {5, 6, 0}, into);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 7, 8, 9, 17})
    void inputsCopiedByUnitPutInputJOfTheMthExampleAtJCountPlusM(int count) {
        int size = 5;
        float[] inputs = new float[30 * size];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = k;
        }
        Dataset data = Dataset.of("thirty", size, 2, inputs, new int[30]);
        int[] order = new int[30];
        for (int n = 0; n < 30; n++) {
            order[n] = (n * 7) % 30;
        }
        for (int[] examples : new int[][] {null, order}) {
            float[] into = new float[count * size];
            data.copyInputsByUnit(examples, 3, count, into);
            for (int m = 0; m < count; m++) {
                int example = examples == null ? 3 + m : examples[3 + m];
                for (int j = 0; j < size; j++) {
                    assertEquals(data.input(example, j), into[j * count + m], "input " + j + " of example " + m);
                }
            }
        }
    }

    @Test
    void ofCopiesTheCallersArrays() {
        final float[] inputs = {1};
        final Dataset data = Dataset.of("one", 1, 1, inputs, new int[] {0});
        inputs[0] = 9;
        assertEquals(1f, data.input(0, 0));
    }

    @Test
    void classCountsAreIndexedByLabel() {
        assertArrayEquals(new long[] {1, 0, 2}, DATA.classCounts());
    }

    @Test
    void inputIndexOutsideTheExampleIsRejected() {
        assertThrows(IndexOutOfBoundsException.class, () -> DATA.input(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> DATA.input(3, 0));
    }

    @Test
    void labelOutsideClassesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.of("bad", 1, 2, new float[1], new int[] {2}));
    }

    @Test
    void inputCountMustFillWholeExamples() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.of("bad", 2, 2, new float[3], new int[] {0}));
    }

    @Test
    void inputSizeMismatchNamesBothSizes() {
        final Dataset data = new SyntheticDataset(1, 784, 10, 1).generate();
        final InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> data.requireMatches(NetworkCatalog.get("cifar10-fc")));
        assertEquals("data set synthetic(seed=1) has 784 inputs per example but network 'cifar10-fc'"
                + " (3072-1000-1000-1000-10) expects 3072", e.getMessage());
    }

    @Test
    void classCountMismatchNamesBothCounts() {
        final Dataset data = new SyntheticDataset(1, 3072, 10, 1).generate();
        final InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> data.requireMatches(NetworkCatalog.get("cifar100-fc")));
        assertEquals("data set synthetic(seed=1) has 10 classes but network 'cifar100-fc'"
                + " (3072-1000-1000-1000-100) has 100 outputs", e.getMessage());
    }

    @Test
    void matchingDataSetPasses() {
        new SyntheticDataset(1, 784, 10, 1).generate().requireMatches(NetworkCatalog.get("mnist-fc"));
    }
}
