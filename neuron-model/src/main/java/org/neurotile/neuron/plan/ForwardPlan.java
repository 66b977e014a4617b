package org.neurotile.neuron.plan;

import java.util.List;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.layers.SliceCost;
import org.neurotile.workloads.NetworkSpec;

/**
 * The forward pass, common to every rule, and the output error. The input enters at the I/O port
 * and goes to the tiles of layer 1; each tile of layer l starts when every tile of layer l-1 has
 * sent it its slice of h_{l-1}, and sends its slice of h_l to every tile of layer l+1 as one
 * multicast. The tiles of layer L send their slices of a_L to the output tile (the first tile of
 * layer L), where the label arrives and e = softmax(a_L) - y is computed.
 *
 * <p>Counts per tile and layer with c neurons, the slice's as its layer's kernel gives them (dense:
 * n_{l-1} weight reads and MACs per neuron): its weight reads and MACs (plus a bias read per neuron,
 * per channel of a convolution, and an add per sum with biases), its inputs written once as they
 * arrive and read once (every input is used by all c neurons from a register: operand reuse inside
 * the tile), one activation write and one activation function per sum. A convolution's pool runs in
 * the same task: it reads the activated sums of each window (activation reads), compares (max) or
 * adds and scales them (average) as elementwise ops, and writes its c outputs.
 *
 * <p>Each tile sends each tile of the next layer what that tile reads of its slice
 * ({@link InputRoutes}): all of it to a dense layer, as one multicast; to a convolution, the rows
 * its windows read, the halo rows held by neighbouring tiles included. A residual add's values come
 * from the tiles of the layer it adds, the same way (they are inputs of the slice: written and read
 * once, one addition per sum).
 */
public final class ForwardPlan {
    private final int ioTask;
    private final int[] forwardTasks; // aligned with mapping.placements()
    private final int outputTask;
    private final int outputTile;

    private ForwardPlan(int ioTask, int[] forwardTasks, int outputTask, int outputTile) {
        this.ioTask = ioTask;
        this.forwardTasks = forwardTasks;
        this.outputTask = outputTask;
        this.outputTile = outputTile;
    }

    public static ForwardPlan build(TaskGraph graph, Mapping mapping, PlanOptions options) {
        NetworkSpec network = mapping.network();
        List<Placement> placements = mapping.placements();
        int layers = network.layerCount();
        LayerKernels kernels = LayerKernels.of(network);
        int io = graph.addTask(options.ioTile(), Phase.FORWARD, TaskGraph.NO_LAYER);
        graph.count(io, Category.OFF_CHIP_BYTES, ((long) network.inputSize() + 1) * options.words().activationBytes());
        int[] forward = new int[placements.size()];
        int[][] tasksOfLayer = new int[layers + 1][];
        for (int l = 1; l <= layers; l++) {
            tasksOfLayer[l] = new int[mapping.placementsOf(l).size()];
        }
        int[] seenOfLayer = new int[layers + 1];
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            int task = graph.addTask(p.tile(), Phase.FORWARD, p.layer());
            forward[i] = task;
            tasksOfLayer[p.layer()][seenOfLayer[p.layer()]++] = task;
            long c = p.count();
            SliceCost slice = kernels.layer(p.layer()).slice(p.first(), c, mapping.cut(p.layer()));
            graph.count(task, Category.WEIGHT_READS, slice.weights() + (options.biases() ? slice.biases() : 0));
            graph.count(task, Category.MACS, slice.forwardMacs());
            boolean residual = kernels.layer(p.layer()).addedFrom() >= 0;
            graph.count(task, Category.ADDS, (options.biases() ? slice.sums() : 0) + (residual ? slice.sums() : 0));
            graph.count(task, Category.ACTIVATION_WRITES, slice.inputs() + slice.sums() + (slice.poolReads() > 0 ? c : 0));
            graph.count(task, Category.ACTIVATION_READS, slice.inputs() + slice.poolReads());
            graph.count(task, Category.ELEMENTWISE_OPS, slice.sums() + slice.poolOps());
        }
        routes(kernels, mapping, 1, tasksOfLayer).send(graph, io, 0, network.inputSize());
        for (int l = 1; l < layers; l++) {
            List<Placement> layer = mapping.placementsOf(l);
            InputRoutes routes = routes(kernels, mapping, l + 1, tasksOfLayer);
            for (int i = 0; i < layer.size(); i++) {
                routes.send(graph, tasksOfLayer[l][i], layer.get(i).first(), layer.get(i).count());
            }
        }
        sendResiduals(graph, mapping, kernels, io, tasksOfLayer);
        InputStreams.restream(graph, mapping, kernels, io, tasksOfLayer, options);
        int outputs = network.outputs();
        Placement firstOutput = mapping.placementsOf(layers).get(0);
        int output = graph.addTask(firstOutput.tile(), Phase.ERROR, layers);
        graph.count(output, Category.ACTIVATION_READS, outputs);
        graph.count(output, Category.ELEMENTWISE_OPS, 2L * outputs);
        graph.count(output, Category.ERROR_WRITES, outputs);
        List<Placement> last = mapping.placementsOf(layers);
        for (int i = 0; i < last.size(); i++) {
            graph.send(tasksOfLayer[layers][i], new int[] {output}, last.get(i).count());
        }
        graph.send(io, new int[] {output}, 1); // the label
        return new ForwardPlan(io, forward, output, firstOutput.tile());
    }

    /** A residual add's values, from the tiles of the layer it adds (the I/O port for the input) to the tiles that add them. */
    private static void sendResiduals(TaskGraph graph, Mapping mapping, LayerKernels kernels, int io,
                                      int[][] tasksOfLayer) {
        for (int l = 1; l <= mapping.network().layerCount(); l++) {
            int from = kernels.layer(l).addedFrom();
            if (from < 0) {
                continue;
            }
            InputRoutes routes = InputRoutes.added(kernels.layer(l), mapping, l, mapping.placementsOf(l),
                    tasksOfLayer[l]);
            if (from == 0) {
                routes.send(graph, io, 0, mapping.network().inputSize());
                continue;
            }
            List<Placement> senders = mapping.placementsOf(from);
            for (int i = 0; i < senders.size(); i++) {
                routes.send(graph, tasksOfLayer[from][i], senders.get(i).first(), senders.get(i).count());
            }
        }
    }

    private static InputRoutes routes(LayerKernels kernels, Mapping mapping, int layer, int[][] tasksOfLayer) {
        return InputRoutes.of(kernels.layer(layer), mapping, layer, mapping.placementsOf(layer), tasksOfLayer[layer]);
    }

    public int ioTask() {
        return ioTask;
    }

    /** The forward task of the i-th placement of {@link Mapping#placements()}. */
    public int forwardTask(int placementIndex) {
        return forwardTasks[placementIndex];
    }

    /** The task that computes e, on {@link #outputTile()}. */
    public int outputTask() {
        return outputTask;
    }

    public int outputTile() {
        return outputTile;
    }
}
