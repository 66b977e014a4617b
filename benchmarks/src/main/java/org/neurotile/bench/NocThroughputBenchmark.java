package org.neurotile.bench;

import java.util.concurrent.TimeUnit;
import org.neurotile.noc.AllocatorKind;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.RouterKind;
import org.neurotile.noc.VcRouterParameters;
import org.neurotile.noc.routing.Routings;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.noc.topology.Topology;
import org.neurotile.noc.traffic.LoadPoint;
import org.neurotile.noc.traffic.LoadSettings;
import org.neurotile.noc.traffic.TrafficExperiment;
import org.neurotile.sim.stats.Statistics;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulation speed of a mesh under uniform random traffic, as simulated cycles per second and
 * delivered packets per second of wall time (one thread). One operation is one load point: 1,000
 * warm-up cycles, 10,000 measured cycles, then the drain. {@code ideal} is the default network;
 * {@code vc} is the virtual-channel router configured as BookSim2 is in the comparison (16 VCs of 8
 * flits, iSLIP, stages 0/1/1/1, credit delay 2, injection 2), so its speed compares with BookSim's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class NocThroughputBenchmark {

    @Param({"mesh:8x8", "mesh:16x16"})
    public String topology;

    @Param({"0.1", "0.3"})
    public double rate;

    @Param({"ideal", "vc"})
    public String router;

    private TrafficExperiment experiment;
    private LoadSettings settings;
    private long seed;

    /** Per-second rates of what the simulations did, reported beside the operation rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Work {
        public long simulatedCycles;
        public long deliveredPackets;
        public long events;

        @Setup(Level.Iteration)
        public void clear() {
            simulatedCycles = 0;
            deliveredPackets = 0;
            events = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        Topology mesh = Topologies.parse(topology);
        NocParameters network = router.equals("vc")
                ? NocParameters.DEFAULTS.withInjectionCycles(2).withRouter(RouterKind.VC,
                        new VcRouterParameters(16, 8, AllocatorKind.ISLIP, AllocatorKind.ISLIP, 0, 1, 1, 1, 2, 10_000))
                : NocParameters.DEFAULTS;
        experiment = new TrafficExperiment(mesh, Routings.defaultFor(mesh), network, "uniform");
        settings = new LoadSettings(rate, 4, 1_000, 10_000, 1);
    }

    @Benchmark
    public LoadPoint loadPoint(Work work) {
        LoadPoint point = experiment.run(
                new LoadSettings(settings.rateFlitsPerNodeCycle(), settings.packetFlits(), settings.warmupCycles(),
                        settings.measureCycles(), ++seed), new Statistics());
        work.simulatedCycles += point.cyclesSimulated();
        work.events += point.eventsDispatched();
        work.deliveredPackets += point.deliveries();
        return point;
    }
}
