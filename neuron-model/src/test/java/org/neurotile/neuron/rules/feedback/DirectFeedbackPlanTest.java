package org.neurotile.neuron.rules.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.chip.ChipExecutor;
import org.neurotile.neuron.chip.ExampleRun;
import org.neurotile.neuron.chip.TileParameters;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.noc.Network;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.routing.Routings;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.Simulation;
import org.neurotile.sim.stats.Statistics;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.Layer;
import org.neurotile.workloads.NetworkSpec;

class DirectFeedbackPlanTest {
    private static final PlanOptions NO_BIASES = new PlanOptions(4, false, 0);

    private static NetworkSpec network(int input, List<Integer> sizes) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            layers.add(Dense.of(sizes.get(i), i == sizes.size() - 1 ? Activation.IDENTITY : Activation.RELU));
        }
        return new NetworkSpec("test", input, layers);
    }

    /** k consecutive errors per neuron, dealt round-robin: every error is used when n_l * k >= n_L. */
    private static ErrorAssignment roundRobin(int outputs, int k) {
        return (layer, neuron) -> {
            int[] errors = new int[k];
            for (int j = 0; j < k; j++) {
                errors[j] = (neuron * k + j) % outputs;
            }
            java.util.Arrays.sort(errors);
            return errors;
        };
    }

    private static ExampleRun run(NetworkSpec net, String topology, long memoryBytes, ErrorAssignment errors) {
        return run(net, topology, memoryBytes, errors, false);
    }

    private static ExampleRun run(NetworkSpec net, String topology, long memoryBytes, ErrorAssignment errors,
                                  boolean errorGrouped) {
        Simulation simulation = new Simulation();
        Topology chip = Topologies.parse(topology);
        Network noc = new Network(simulation, chip, Routings.defaultFor(chip), NocParameters.DEFAULTS,
                new Statistics());
        StorageModel storage = StorageModel.weightsOnly(net, 4);
        Mapping mapping = errorGrouped
                ? Mapping.errorGrouped(net, storage, chip.tileCount(), memoryBytes, errors)
                : Mapping.contiguous(net, storage, chip.tileCount(), memoryBytes);
        TaskGraph graph = new TaskGraph();
        ForwardPlan forward = ForwardPlan.build(graph, mapping, NO_BIASES);
        DirectFeedbackPlan.build(graph, mapping, forward, errors, NO_BIASES);
        return new ChipExecutor(simulation, noc, TileParameters.DEFAULTS).run(graph);
    }

    @Property(tries = 60)
    void backwardCountsEqualTheClosedForm(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 30) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 30) int input,
            @ForAll @IntRange(min = 1, max = 10) int k,
            @ForAll @IntRange(min = 256, max = 4096) int memoryBytes) {
        NetworkSpec net = network(input, sizes);
        int outputs = net.outputs();
        int connections = Math.min(k, outputs);
        ExampleRun run = run(net, "mesh:8x8", memoryBytes * 16L, roundRobin(outputs, connections));
        ClosedForm expected = DirectFeedbackClosedForm.of(net, connections);
        assertEquals(expected.reads(),
                run.total(Category.WEIGHT_READS, Phase.UPDATE) + run.total(Category.FEEDBACK_READS));
        assertEquals(expected.writes(), run.total(Category.WEIGHT_WRITES));
        assertEquals(expected.macs(), run.total(Category.MACS) - run.total(Category.MACS, Phase.FORWARD));
        assertEquals(expected.wordsMoved(), run.total(Category.WORDS_MOVED));
    }

    @Test
    void forwardMacsAreEveryWeightOnce() {
        NetworkSpec net = network(20, List.of(30, 30, 10));
        ExampleRun run = run(net, "mesh:4x4", 2048, ErrorAssignment.all(10));
        assertEquals(20 * 30 + 30 * 30 + 30 * 10, run.total(Category.MACS, Phase.FORWARD));
    }

    @Test
    void singleConnectionMovesFewerNetworkBytesThanDenseFeedback() {
        NetworkSpec net = network(20, List.of(40, 40, 10));
        ExampleRun dense = run(net, "mesh:4x4", 2048, ErrorAssignment.all(10));
        ExampleRun single = run(net, "mesh:4x4", 2048, roundRobin(10, 1));
        long denseError = dense.total(Category.NOC_BYTE_HOPS, Phase.ERROR);
        long singleError = single.total(Category.NOC_BYTE_HOPS, Phase.ERROR);
        assertTrue(singleError < denseError, singleError + " vs " + denseError);
        assertTrue(single.total(Category.FEEDBACK_READS) * 10 == dense.total(Category.FEEDBACK_READS));
    }

    @Test
    void theSameGraphGivesTheSameCycles() {
        NetworkSpec net = network(20, List.of(40, 40, 10));
        assertEquals(run(net, "mesh:4x4", 2048, ErrorAssignment.all(10)).cycles(),
                run(net, "mesh:4x4", 2048, ErrorAssignment.all(10)).cycles());
    }

    @Test
    void errorGroupedMappingSendsEachTileFewerDistinctErrors() {
        NetworkSpec net = network(20, List.of(40, 40, 10));
        ExampleRun contiguous = run(net, "mesh:4x4", 2048, roundRobin(10, 1), false);
        ExampleRun grouped = run(net, "mesh:4x4", 2048, roundRobin(10, 1), true);
        assertTrue(grouped.total(Category.ERROR_WRITES, Phase.ERROR) < contiguous.total(Category.ERROR_WRITES, Phase.ERROR));
        assertEquals(contiguous.total(Category.WORDS_MOVED), grouped.total(Category.WORDS_MOVED));
        assertEquals(contiguous.total(Category.FEEDBACK_READS), grouped.total(Category.FEEDBACK_READS));
    }
}
