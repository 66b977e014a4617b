package org.neurotile.app;

import java.util.List;
import java.util.Locale;
import org.neurotile.noc.topology.Topology;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.LayerShape;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.TensorShape;

/**
 * An upper bound of the Java heap a command will need, computed from the network and the chip before
 * anything large is allocated, so that a run that cannot fit is refused in a second instead of
 * failing with OutOfMemoryError after minutes.
 *
 * <p>The bytes per tile, link, neuron, weight and packet are measured, not derived: the smallest
 * {@code -Xmx} with which each kind of run finishes, rounded up (BENCHMARKS.md, "Growth with the
 * array"), and {@code HeapEstimateTest} checks that the bound holds and stays within a small factor of
 * the heap really used. The parts are kept apart so that a refusal can say what dominates.
 */
record HeapEstimate(long bytes, String dominant) {
    /** The JVM itself, picocli, Jackson and the catalog: what a run of a tiny network uses. */
    static final long BASE_BYTES = 48L << 20;
    /** Network ports, event targets, statistics and per-tile counts of one example. */
    static final long BYTES_PER_TILE = 4L << 10;
    /** Link state, ports and per-link counters. */
    static final long BYTES_PER_LINK = 640;
    /** What a finished example keeps per tile and link while the next rule runs. */
    static final long KEPT_BYTES_PER_TILE = 1L << 10;
    static final long KEPT_BYTES_PER_LINK = 64;
    /** The trace's tracks and spans, per tile and link. */
    static final long TRACE_BYTES_PER_TILE = 2L << 10;
    static final long TRACE_BYTES_PER_LINK = 256;
    /** Mapping orders and placements, per neuron (error-grouped mapping sorts boxed neurons). */
    static final long BYTES_PER_NEURON = 64;
    /** The functional step: initial doubles, the float32 model and its gradient, per weight. */
    static final long FUNCTIONAL_BYTES_PER_WEIGHT = 16;
    /** A functional step kept per rule for the report. */
    static final long KEPT_FUNCTIONAL_BYTES_PER_WEIGHT = 8;
    /**
     * A value of an example's pass (a layer's sums, its outputs, a convolution's unfolded input):
     * doubles, with the float copies the products make beside them.
     */
    static final long BYTES_PER_ACTIVATION = 12;
    /** A packet waiting or travelling in the NoC: its table row, its events and the tables' growth. */
    static final long BYTES_PER_PACKET = 192;

    private static final class Sum {
        private long total;
        private long largest = -1;
        private String dominant = "";

        void add(String what, double bytes) {
            long rounded = bytes >= Long.MAX_VALUE / 4.0 ? Long.MAX_VALUE / 4 : (long) Math.ceil(bytes);
            total = total > Long.MAX_VALUE / 2 ? total : total + rounded;
            if (rounded > largest) {
                largest = rounded;
                dominant = what;
            }
        }

        HeapEstimate result() {
            return new HeapEstimate(total, dominant);
        }
    }

    /** One example per rule of {@code network} on a chip with this topology ({@code run}, {@code validate}, {@code train}). */
    static HeapEstimate ofRun(NetworkSpec network, Topology topology, int rules, boolean functional, boolean trace) {
        Sum sum = new Sum();
        sum.add("the JVM", BASE_BYTES);
        long tiles = topology.tileCount();
        long links = topology.linkCount();
        sum.add(String.format(Locale.ROOT, "%,d tiles and %,d links", tiles, links),
                tiles * (double) BYTES_PER_TILE + links * (double) BYTES_PER_LINK
                        + (rules - 1) * (tiles * (double) KEPT_BYTES_PER_TILE + links * (double) KEPT_BYTES_PER_LINK)
                        + (trace ? rules * (tiles * (double) TRACE_BYTES_PER_TILE + links * (double) TRACE_BYTES_PER_LINK) : 0));
        sum.add(String.format(Locale.ROOT, "%,d neurons", neurons(network)), neurons(network) * (double) BYTES_PER_NEURON);
        if (functional) {
            sum.add(String.format(Locale.ROOT, "%,d weights", weights(network)), weights(network)
                    * (double) (FUNCTIONAL_BYTES_PER_WEIGHT + rules * KEPT_FUNCTIONAL_BYTES_PER_WEIGHT));
            sum.add("the activations of an example", activations(network, 1));
        }
        return sum.result();
    }

    /**
     * The values {@code examples} passes keep (every layer's sums and outputs, the input's deltas
     * aside) plus the largest unfolded input of a convolution, in bytes: small beside the weights of
     * a fully connected network, the larger part for the first layers of a convolutional one.
     */
    static double activations(NetworkSpec network, int examples) {
        double values = 0;
        double unfolded = 0;
        for (int l = 1; l <= network.layerCount(); l++) {
            LayerShape shape = network.shape(l);
            double sums = shape.outputs();
            if (network.layer(l) instanceof Conv2d conv) {
                TensorShape maps = conv.sums(shape.input());
                sums = maps.size();
                unfolded = Math.max(unfolded, (double) conv.kernelWeights(shape.input()) * maps.positions());
            }
            values += 2 * sums + shape.outputs();
        }
        return (examples * values + unfolded) * BYTES_PER_ACTIVATION;
    }

    /**
     * Training: the count-mode example, the model in double precision with {@code stateWordsPerWeight}
     * optimizer words beside each weight, its gradient and a saved best model, and the activations of
     * a batch of {@code batch} examples.
     */
    static HeapEstimate ofTraining(NetworkSpec network, Topology topology, int stateWordsPerWeight, int batch) {
        HeapEstimate run = ofRun(network, topology, 1, false, false);
        double passes = activations(network, batch);
        double training = weights(network) * 8.0 * (3 + stateWordsPerWeight);
        if (passes > training && passes > run.bytes() - BASE_BYTES) {
            return new HeapEstimate(run.bytes() + (long) Math.min(training + passes, Long.MAX_VALUE / 4.0),
                    String.format(Locale.ROOT, "the activations of a batch of %,d", batch));
        }
        training += passes;
        String what = String.format(Locale.ROOT, "%,d weights", weights(network));
        return training > run.bytes() - BASE_BYTES
                ? new HeapEstimate(run.bytes() + (long) Math.min(training, Long.MAX_VALUE / 4.0), what)
                : new HeapEstimate(run.bytes() + (long) training, run.dominant());
    }

    /**
     * Synthetic traffic: the network per load point running at once, and every packet a point injects
     * (a saturated network keeps them all queued: its input buffers are unbounded).
     */
    static HeapEstimate ofTraffic(Topology topology, List<Double> rates, int packetFlits, double cycles, int threads) {
        Sum sum = new Sum();
        sum.add("the JVM", BASE_BYTES);
        int running = Math.max(1, Math.min(threads, rates.size()));
        long tiles = topology.tileCount();
        long links = topology.linkCount();
        sum.add(String.format(Locale.ROOT, "%,d tiles and %,d links", tiles, links),
                running * (tiles * (double) BYTES_PER_TILE + links * (double) BYTES_PER_LINK));
        List<Double> sorted = rates.stream().sorted((a, b) -> Double.compare(b, a)).toList();
        double packets = 0;
        for (int i = 0; i < running; i++) {
            packets += sorted.get(i) / packetFlits * tiles * cycles;
        }
        sum.add(String.format(Locale.ROOT, "%,.0f packets", packets), packets * BYTES_PER_PACKET);
        return sum.result();
    }

    private static long neurons(NetworkSpec network) {
        long neurons = network.inputSize();
        for (int l = 1; l <= network.layerCount(); l++) {
            neurons += network.neurons(l);
        }
        return neurons;
    }

    private static long weights(NetworkSpec network) {
        long weights = 0;
        for (int l = 1; l <= network.layerCount(); l++) {
            weights += network.weights(l);
        }
        return weights;
    }
}
