package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.NetworkCatalog;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Workloads;

/**
 * The heap estimate against the heap really used, on sizes small enough for a unit test, measured in
 * bytes and never in time: a run finishes in a JVM whose maximum heap is the estimate (an upper
 * bound), and the estimate is at most four times what the run allocates in all (not wildly above).
 */
class HeapEstimateTest {
    @TempDir
    Path dir;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static Chip chip(String array) {
        ChipSpec d = ChipSpec.DEFAULTS;
        return new Chip(new ChipSpec(Topologies.parseArray(array), d.topology(), d.network(), d.tile(), d.mapping()));
    }

    @ParameterizedTest
    @CsvSource({"mnist-fc, 64x64", "alexnet-fc, 32x32"})
    void runFinishesInAHeapOfTheEstimate(String workload, String array) throws IOException, InterruptedException {
        long estimate = HeapEstimate.ofRun(Workloads.resolve(workload), chip(array).topology(), 1, false, false).bytes();
        Path log = dir.resolve("log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + (estimate >> 10) + "k", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--workload", workload, "--array", array, "--out", dir.resolve("out").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertEquals(0, process.waitFor(), () -> readQuietly(log));
    }

    @ParameterizedTest
    @CsvSource({"mnist-fc, 16x16", "mnist-fc, 64x64", "cifar10-fc, 32x32", "alexnet-fc, 32x32"})
    void estimateIsWithinFourTimesWhatARunAllocates(String workload, String array) {
        NetworkSpec network = Workloads.resolve(workload);
        Chip chip = chip(array);
        long estimate = HeapEstimate.ofRun(network, chip.topology(), 1, false, false).bytes() - HeapEstimate.BASE_BYTES;
        long before = allocatedBytes();
        chip.run(network, LearningRules.parse("dfa", 1), true, TraceRecorder.disabled());
        long allocated = allocatedBytes() - before;
        assertTrue(estimate <= 4 * allocated, "estimate " + estimate + " bytes, allocated " + allocated);
    }

    @ParameterizedTest
    @CsvSource({"16x16", "256x256"})
    void trafficEstimateGrowsWithThePacketsAPointInjects(String array) {
        var topology = Topologies.parse("mesh", java.util.Optional.of(Topologies.parseArray(array)));
        long light = HeapEstimate.ofTraffic(topology, List.of(0.05), 4, 11_000, 1).bytes();
        long heavy = HeapEstimate.ofTraffic(topology, List.of(0.4), 4, 11_000, 1).bytes();
        assertTrue(heavy > light);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void aConvolutionalNetworksBatchIsBoundedByItsActivations() {
        NetworkSpec vgg = NetworkCatalog.get("vgg16");
        HeapEstimate one = HeapEstimate.ofTraining(vgg, chip("32x32").topology(), 0, 1);
        HeapEstimate many = HeapEstimate.ofTraining(vgg, chip("32x32").topology(), 0, 64);
        // 64 passes of vgg16 keep about 2.6 billion values: far more than its 138 million weights
        assertTrue(many.bytes() > one.bytes() + 63 * 13_000_000L * 12,
                many.bytes() + " against " + one.bytes());
        assertEquals("the activations of a batch of 64", many.dominant());
    }
}
