package org.neurotile.neuron.plan;

import java.util.List;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.layers.LayerKernel;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.workloads.NetworkSpec;

/**
 * The input a convolution streams again for its weight gradient under {@link WeightSharing#SINGLE}:
 * its tiles keep only a line buffer, so the correlation needs the input once more. In the update
 * phase every tile of the layer below (the I/O port for layer 1, reading the input from off chip
 * again) reads its slice's outputs and sends each tile of the layer what it reads of them, as in
 * the forward pass ({@link InputRoutes}); a stream task on each receiving tile writes the arriving
 * words into its buffer, and the tile's update waits for it. Counted once per update (a minibatch's
 * update would stream each example's input: not modelled).
 */
final class InputStreams {
    private InputStreams() {
    }

    static void restream(TaskGraph graph, Mapping mapping, LayerKernels kernels, int io,
                         int[][] tasksOfLayer, PlanOptions options) {
        if (mapping.weightSharing() != WeightSharing.SINGLE) {
            return;
        }
        NetworkSpec network = mapping.network();
        List<Placement> placements = mapping.placements();
        for (int l = 1; l <= network.layerCount(); l++) {
            LayerKernel kernel = kernels.layer(l);
            if (!kernel.sharesWeights() || !network.layer(l).trainable()) {
                continue;
            }
            List<Placement> receivers = mapping.placementsOf(l);
            int[] streams = new int[receivers.size()];
            for (int i = 0; i < streams.length; i++) {
                Placement p = receivers.get(i);
                streams[i] = graph.addTask(p.tile(), Phase.UPDATE, l);
                graph.count(streams[i], Category.ACTIVATION_WRITES,
                        kernel.slice(p.first(), p.count(), mapping.cut(l)).inputs());
            }
            InputRoutes routes = InputRoutes.of(kernel, mapping, l, receivers, streams);
            if (l == 1) {
                int again = graph.addTask(options.ioTile(), Phase.UPDATE, l);
                graph.dependsOn(again, io);
                graph.count(again, Category.OFF_CHIP_BYTES, (long) network.inputSize() * options.words().activationBytes());
                routes.send(graph, again, 0, network.inputSize());
                continue;
            }
            List<Placement> senders = mapping.placementsOf(l - 1);
            for (int i = 0; i < senders.size(); i++) {
                Placement q = senders.get(i);
                int again = graph.addTask(q.tile(), Phase.UPDATE, l);
                graph.dependsOn(again, tasksOfLayer[l - 1][i]);
                graph.count(again, Category.ACTIVATION_READS, q.count());
                routes.send(graph, again, q.first(), q.count());
            }
        }
    }
}
