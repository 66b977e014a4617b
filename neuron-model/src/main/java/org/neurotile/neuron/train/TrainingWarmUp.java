package org.neurotile.neuron.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.neurotile.neuron.functional.DenseBatch;
import org.neurotile.neuron.math.FloatActivations;
import org.neurotile.neuron.math.FloatUpdates;
import org.neurotile.neuron.math.JitWarmUp;
import org.neurotile.neuron.math.Products;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.Layer;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.Dataset;

/**
 * The warm-up of a training run, on one background thread while the run loads its data and costs
 * its step: the vector kernels the run will use, and for a dense minibatch run a scaled-down copy
 * of it (same rule, optimizer, arithmetic, batch and number formats; layers at most
 * {@link #WIDTH} wide) trained on random data, so that the JIT has compiled the training loop's
 * code before the first epoch needs it. Until then that code runs interpreted: on mnist-fc at
 * batch 32 the first 50 steps took 0.1 s more than the next 50. The copy shares nothing with the
 * run (its own model, data, random streams and one worker thread) and its results are dropped, so
 * the run's are unchanged; a copy the rule cannot train (a rule that needs wider layers) just ends.
 */
public final class TrainingWarmUp {
    static final int WIDTH = 64;
    /**
     * Steps enough for the JIT's last tier on the per-step and per-example code, few enough to end
     * before the run's first epoch on two busy cores (1,000 ran into it).
     */
    private static final int STEPS = 400;
    private static final int TEST_EXAMPLES = 256;
    /** Calls of the vector kernels first: the JIT's last tier compiles them after some thousands. */
    private static final int KERNEL_CALLS = 5_000;

    private TrainingWarmUp() {
    }

    /**
     * Starts the warm-up of {@code settings}' run on a daemon thread, one thread so as to take one
     * core from the run's start rather than two: {@link JitWarmUp}'s fixed-order products
     * ({@code kernelProducts}: those by unit where the run has dense float32 batches, for training or
     * only for evaluation, those on rows by example where it steps by example or has other layers)
     * and optimizer updates ({@code kernelUpdates}, where no copy compiles them); the relu kernels
     * and the optimizer's update where the run has dense batches; then, for a minibatch run, the
     * copy with {@code products}. One example a step has no copy: the JIT compiles its code within
     * the first hundreds of examples, and a copy only took a core from its first epoch.
     */
    public static void start(Trainer.Settings settings, Products products, boolean kernelProducts,
                             boolean kernelUpdates) {
        NetworkSpec small = scaledDown(settings.network());
        boolean denseBatches = small != null
                && DenseBatch.supports(settings.network(), settings.precision(), settings.numbers());
        boolean copy = denseBatches && settings.batch() > 1 && settings.clipNorm() == 0;
        if (!kernelProducts && !kernelUpdates && !denseBatches) {
            return;
        }
        Thread thread = new Thread(() -> {
            if (copy) {
                JitWarmUp.run(kernelProducts, false, false);
                kernels(settings.optimizer().kind());
                run(settings, small, products);
                return;
            }
            JitWarmUp.run(false, kernelProducts, kernelUpdates); // what the steps use, first
            if (denseBatches) { // then the evaluation's, at the epoch's end
                kernels(OptimizerCost.SGD);
                JitWarmUp.run(kernelProducts, false, false);
            }
        }, "training-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** The network with its input and hidden layers at most {@link #WIDTH} wide, or null if a layer is not dense. */
    static NetworkSpec scaledDown(NetworkSpec network) {
        if (!network.isFullyConnected()) {
            return null;
        }
        List<Layer> layers = new ArrayList<>();
        int count = network.layers().size();
        for (int l = 0; l < count; l++) {
            Dense dense = (Dense) network.layers().get(l);
            int neurons = l == count - 1 ? dense.neurons() : Math.min(dense.neurons(), WIDTH);
            layers.add(new Dense(neurons, dense.activation(), dense.trainable(), dense.normalised()));
        }
        return new NetworkSpec(network.name() + "-warm-up", Math.min(network.inputSize(), 2 * WIDTH), layers);
    }

    private static void run(Trainer.Settings settings, NetworkSpec small, Products products) {
        Trainer.Settings copy = new Trainer.Settings(small, settings.rule(), settings.precision(),
                settings.optimizer(), settings.learningRate(), 1, 1, settings.seed(), settings.biases(), false,
                settings.batch(), settings.numbers(), settings.clipNorm(), settings.init());
        SplittableRandom random = new SplittableRandom(settings.seed());
        try (Workers workers = Workers.of(1, products)) {
            new Trainer(copy, workers).train(data(small, STEPS * settings.batch(), random),
                    data(small, TEST_EXAMPLES, random), new Trainer.Listener() { });
        } catch (RuntimeException e) {
            // the copy is only a warm-up: a rule that cannot train it leaves the JIT to the run
        }
    }

    /**
     * The Vector API relu kernels and the optimizer's update on a few values, so that their compiled
     * form is ready before the copy reaches them: until the JIT's last tier compiles a Vector API
     * kernel it runs many times slower than plain loops (relu's made a first epoch of mnist-fc 0.3 s
     * longer), and in the copy's first steps each is called only a few times a step.
     */
    private static void kernels(OptimizerCost optimizer) {
        float[] a = new float[16];
        float[] h = new float[16];
        float[] m = new float[16];
        float[] v = new float[16];
        float[] c = {1f, -1f};
        for (int call = 0; call < KERNEL_CALLS; call++) {
            a[call % 16] = call % 3 - 1;
            FloatActivations.addBiasRelu(a, h, c, 2, 8);
            FloatActivations.timesReluDerivative(h, a, 16);
            if (optimizer.equals(OptimizerCost.MOMENTUM)) { // and hybrid's split momentum, which runs under it
                FloatUpdates.momentum(a, m, 0, h, 16, 0.9f, 1e-3f);
                FloatUpdates.splitMomentum(a, m, v, 0, h, 16, 0.9f, 1e-3f, 0.5f, 0.5f);
            } else if (optimizer.equals(OptimizerCost.ADAM)) {
                FloatUpdates.adam(a, m, v, 0, h, 16, 0.9f, 0.999f, 0.1f, 0.001f, 1e-8f, 1e-3f);
            }
        }
    }

    private static Dataset data(NetworkSpec network, int count, SplittableRandom random) {
        int inputs = network.inputSize();
        int classes = network.neurons(network.layerCount());
        float[] x = new float[count * inputs];
        int[] labels = new int[count];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) random.nextDouble();
        }
        for (int m = 0; m < count; m++) {
            labels[m] = random.nextInt(classes);
        }
        return Dataset.of("warm-up", inputs, classes, x, labels);
    }
}
