package org.neurotile.neuron.plan;

import java.util.List;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.layers.ConvCut;
import org.neurotile.neuron.layers.ConvKernel;
import org.neurotile.neuron.layers.LayerKernel;
import org.neurotile.neuron.layers.WeightSharing;

/**
 * A convolution slice's copy of the kernels it shares with an earlier slice ({@link WeightSharing#COPIES},
 * {@link WeightSharing#ROWS}): the slice starts inside a block of G output channels (one channel
 * under copies), whose kernels are owned by the slice that holds the block's first row. After its
 * update task the copy sends its partial weight gradient of those kernels (their weights and, with
 * biases, their G biases) to the owner's update task, which writes and
 * reads the arriving words once and adds them to its own (counted as error words and additions: a
 * gradient is the product of errors), then updates the kernel with the rest of its weights and sends
 * it back; a write task on the copy's tile writes it (weight writes). The partial gradients and the
 * returned kernels are NoC traffic of the update phase.
 */
record KernelCopies(int ownerTile, int layer, long sharedWeights, long sharedBiases, long words) {
    static final KernelCopies NONE = new KernelCopies(-1, 0, 0, 0, 0);

    static KernelCopies of(Mapping mapping, LayerKernel kernel, Placement p, PlanOptions options) {
        if (!(kernel instanceof ConvKernel conv)) {
            return NONE;
        }
        ConvCut cut = mapping.cut(p.layer());
        int block = conv.sharedBlock(p.first(), cut);
        if (block < 0) {
            return NONE;
        }
        long start = conv.blockStart(block, cut);
        Placement owner = ownerOf(mapping.placementsOf(p.layer()), start);
        int channels = cut.blockChannels();
        long weights = channels * (conv.channelParameterWords() - 1);
        long biases = options.biases() ? channels : 0;
        return new KernelCopies(owner.tile(), p.layer(), weights, channels, weights + biases);
    }

    /** The placement of a layer that holds unit {@code unit}. */
    private static Placement ownerOf(List<Placement> placements, long unit) {
        int low = 0;
        int high = placements.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) / 2;
            if (placements.get(middle).first() <= unit) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return placements.get(low);
    }

    /** The gradient to the owner's update task and the updated kernel back, after {@code update}. */
    void synchronise(TaskGraph graph, int update) {
        if (ownerTile < 0) {
            return;
        }
        int owner = graph.firstTask(ownerTile, Phase.UPDATE, layer); // its update comes before its own copy's write
        if (owner < 0) {
            throw new IllegalStateException("the owner of a kernel copy on tile " + graph.tileOf(update)
                    + " has no update task on tile " + ownerTile + " (layer " + layer + ")");
        }
        graph.send(update, new int[] {owner}, words);
        graph.count(owner, Category.ERROR_WRITES, words);
        graph.count(owner, Category.ERROR_READS, words);
        graph.count(owner, Category.ADDS, words);
        int write = graph.addTask(graph.tileOf(update), Phase.UPDATE, layer);
        graph.count(write, Category.WEIGHT_WRITES, words);
        graph.send(owner, new int[] {write}, words);
    }
}
