package org.neurotile.bench;

import java.util.concurrent.TimeUnit;
import org.neurotile.sim.EventTarget;
import org.neurotile.sim.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The classic hold model: N events pending; each handler schedules one new event at a random delay,
 * so the queue stays at N. Reports events per second of one simulation thread.
 *
 * <p>Delays are drawn from an exponential distribution with mean 1,000 cycles (from a precomputed
 * table, so the benchmark measures the kernel and not {@code Math.log}); times are whole cycles, so
 * ties occur and exercise the priority/tag/sequence order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HoldModelBenchmark {
    static final int EVENTS_PER_INVOCATION = 1_000_000;
    private static final int DELAY_TABLE_SIZE = 1 << 12; // 32 KiB: stays in cache, so the kernel is measured
    private static final double MEAN_DELAY_CYCLES = 1_000;

    @Param({"1000", "100000", "1000000"})
    public int pending;

    private Simulation simulation;
    private EventTarget target;
    private final long[] delays = new long[DELAY_TABLE_SIZE];
    private long randomState = 0x9E3779B97F4A7C15L;

    @Setup(Level.Trial)
    public void setUp() {
        for (int i = 0; i < DELAY_TABLE_SIZE; i++) {
            double u = (i + 0.5) / DELAY_TABLE_SIZE;
            delays[i] = Math.round(-Math.log(u) * MEAN_DELAY_CYCLES);
        }
        simulation = new Simulation();
        target = simulation.register("hold", this::hold);
        for (int i = 0; i < pending; i++) {
            simulation.schedule(target, nextDelay(), i);
        }
    }

    private long nextDelay() {
        randomState ^= randomState << 13;
        randomState ^= randomState >>> 7;
        randomState ^= randomState << 17;
        return delays[(int) (randomState >>> 52)];
    }

    private void hold(long payload) {
        simulation.schedule(target, nextDelay(), payload);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public long events() {
        return simulation.runEvents(EVENTS_PER_INVOCATION);
    }
}
