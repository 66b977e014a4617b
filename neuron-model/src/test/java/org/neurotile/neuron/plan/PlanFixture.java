package org.neurotile.neuron.plan;

import java.util.ArrayList;
import java.util.List;
import org.neurotile.neuron.chip.ChipExecutor;
import org.neurotile.neuron.chip.ExampleRun;
import org.neurotile.neuron.chip.TileParameters;
import org.neurotile.neuron.counts.Phase;
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

/** Builds and runs one example's graph for the plan tests. */
public final class PlanFixture {
    public static final PlanOptions NO_BIASES = new PlanOptions(4, false, 0);

    /** The error and update phases of a rule. */
    public interface Rule {
        public void build(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options);
    }

    public record Built(Mapping mapping, TaskGraph graph, ExampleRun run) {
        /** The error-phase tasks of a layer. */
        public List<Integer> errorTasksOf(int layer) {
            List<Integer> tasks = new ArrayList<>();
            for (int task = 0; task < run.taskCount(); task++) {
                if (run.phaseOf(task) == Phase.ERROR && run.layerOf(task) == layer) {
                    tasks.add(task);
                }
            }
            return tasks;
        }

        /** Bytes of every message the graph holds: what the network must carry with tree multicast. */
        public long messageBytes() {
            return graph.messages().stream().mapToLong(m -> m.words() * 4).sum();
        }
    }

    private PlanFixture() {
    }

    public static NetworkSpec network(int input, List<Integer> sizes) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            layers.add(Dense.of(sizes.get(i), i == sizes.size() - 1 ? Activation.IDENTITY : Activation.RELU));
        }
        return new NetworkSpec("test", input, layers);
    }

    public static NetworkSpec network(int input, Integer... sizes) {
        return network(input, List.of(sizes));
    }

    public static Built run(NetworkSpec net, String topology, long memoryBytes, PlanOptions options, Rule rule) {
        Simulation simulation = new Simulation();
        Topology chip = Topologies.parse(topology);
        Network noc = new Network(simulation, chip, Routings.defaultFor(chip), NocParameters.DEFAULTS,
                new Statistics());
        Mapping mapping = Mapping.contiguous(net, StorageModel.weightsOnly(net, options.wordBytes()),
                chip.tileCount(), memoryBytes);
        TaskGraph graph = new TaskGraph();
        ForwardPlan forward = ForwardPlan.build(graph, mapping, options);
        rule.build(graph, mapping, forward, options);
        ExampleRun run = new ChipExecutor(simulation, noc, TileParameters.DEFAULTS).run(graph);
        return new Built(mapping, graph, run);
    }

    public static Built run(NetworkSpec net, String topology, long memoryBytes, Rule rule) {
        return run(net, topology, memoryBytes, NO_BIASES, rule);
    }

    /** Whether two layers' neurons sit on different tiles somewhere: then a message crosses the network. */
    public static boolean tilesDiffer(Mapping mapping, int layer, int other) {
        for (Placement p : mapping.placementsOf(layer)) {
            for (Placement q : mapping.placementsOf(other)) {
                if (p.tile() != q.tile()) {
                    return true;
                }
            }
        }
        return false;
    }

    public static long latestFinish(Built built, List<Integer> tasks) {
        return tasks.stream().mapToLong(built.run()::finishCycles).max().orElseThrow();
    }

    public static long earliestStart(Built built, List<Integer> tasks) {
        return tasks.stream().mapToLong(built.run()::startCycles).min().orElseThrow();
    }
}
