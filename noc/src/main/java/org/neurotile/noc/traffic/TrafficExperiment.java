package org.neurotile.noc.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.neurotile.noc.Destinations;
import org.neurotile.noc.Network;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.routing.Routing;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.Simulation;
import org.neurotile.sim.random.RandomStreams;
import org.neurotile.sim.stats.Histogram;
import org.neurotile.sim.stats.Statistics;

/**
 * Synthetic traffic on a network alone: for each load point, a fresh simulation warms up, measures
 * over a window, stops injecting, and runs until every packet is delivered, so the latency of every
 * packet sent in the window is known (none is cut off).
 */
public final class TrafficExperiment {
    /**
     * Below saturation, accepted differs from expected only by the change of the flits in flight
     * between the window's start and end: on an 8x8 mesh at 90 % of saturation that is under 0.4 % of a
     * 10,000-cycle window (Little's law: ~1,000 flits in flight against ~250,000 offered). A shortfall
     * of 1 % is a backlog that grows, not noise; it flags BookSim's first saturated point (0.44
     * flits/node/cycle, 2.4 % short) where the former 5 % did not.
     */
    public static final double THROUGHPUT_TOLERANCE = 0.01;
    /**
     * Latency keeps growing: the mean latency of the packets sent in each quarter of the window is at
     * least the previous quarter's, and the last quarter's exceeds the first's by this factor. In steady
     * state the quarter means wander by a few percent either way; past saturation every packet waits
     * behind a longer queue than the one before.
     */
    public static final double LATENCY_GROWTH_LIMIT = 1.2;
    private static final int QUARTERS = 4;
    private static final long TAG_MEASURED = 1;
    private static final long TAG_UNMEASURED = 0;

    private final Topology topology;
    private final Routing routing;
    private final NocParameters parameters;
    private final String patternSpec;

    public TrafficExperiment(Topology topology, Routing routing, NocParameters parameters, String patternSpec) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.patternSpec = Objects.requireNonNull(patternSpec, "patternSpec");
        TrafficPatterns.parse(patternSpec, topology); // fail early on a bad pattern
    }

    /** Payload that makes a packet exactly {@code packetFlits} flits long, header included. */
    public int payloadBytes(int packetFlits) {
        return Math.max(0, packetFlits * parameters.flitBytes() - parameters.headerBytes());
    }

    /**
     * Fails unless a packet of {@code packetFlits} flits holds its header and some payload, and no
     * more payload than {@code maxPacketBytes}.
     */
    public static void requirePacket(NocParameters parameters, int packetFlits) {
        long packetBytes = (long) packetFlits * parameters.flitBytes();
        if (parameters.headerBytes() >= packetBytes) {
            throw new InvalidInputException("a header of " + parameters.headerBytes() + " bytes (headerBytes) "
                    + "leaves no payload in a packet of " + packetFlits + " flits of " + parameters.flitBytes()
                    + " bytes (packetFlits x flitBytes = " + packetBytes + "): the header must be smaller");
        }
        long payload = packetBytes - parameters.headerBytes();
        if (payload > parameters.maxPacketBytes()) {
            throw new InvalidInputException("a packet of " + packetFlits + " flits (packetFlits) carries " + payload
                    + " bytes of payload, over maxPacketBytes " + parameters.maxPacketBytes());
        }
    }

    /** Runs the load points on {@code threads} threads; results are in input order and do not depend on it. */
    public List<LoadPoint> sweep(List<LoadSettings> points, int threads) {
        return sweepWithStatistics(points, threads).stream().map(LoadRun::point).toList();
    }

    /** As {@link #sweep}, keeping each run's statistics. */
    public List<LoadRun> sweepWithStatistics(List<LoadSettings> points, int threads) {
        return sweepWithStatistics(points, threads, () -> { });
    }

    /** As {@link #sweepWithStatistics}, telling {@code pointDone} (from any thread) as each point ends. */
    public List<LoadRun> sweepWithStatistics(List<LoadSettings> points, int threads, Runnable pointDone) {
        if (threads <= 1 || points.size() <= 1) {
            List<LoadRun> results = new ArrayList<>();
            for (LoadSettings point : points) {
                results.add(runKeepingStatistics(point));
                pointDone.run();
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, points.size()));
        try {
            List<Future<LoadRun>> futures = new ArrayList<>();
            for (LoadSettings point : points) {
                futures.add(pool.submit(() -> {
                    LoadRun run = runKeepingStatistics(point);
                    pointDone.run();
                    return run;
                }));
            }
            List<LoadRun> results = new ArrayList<>();
            for (Future<LoadRun> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private LoadRun runKeepingStatistics(LoadSettings settings) {
        Statistics statistics = new Statistics();
        LoadPoint point = run(settings, statistics);
        return new LoadRun(point, statistics.snapshot());
    }

    /** Runs one load point, counting into {@code statistics}. */
    public LoadPoint run(LoadSettings settings, Statistics statistics) {
        requirePacket(parameters, settings.packetFlits());
        int payloadBytes = payloadBytes(settings.packetFlits());
        Simulation simulation = new Simulation();
        RandomStreams streams = new RandomStreams(settings.seed());
        Network network = new Network(simulation, topology, routing, parameters, statistics);
        TrafficPattern pattern = TrafficPatterns.parse(patternSpec, topology);
        int tiles = topology.tileCount();
        long windowStart = settings.warmupCycles();
        long windowEnd = windowStart + settings.measureCycles();
        int flits = parameters.flits(payloadBytes);
        Histogram latency = statistics.scope("traffic").histogram("latencyCycles");
        Window window = new Window();

        network.setDeliveryListener((tag, source, destination, sentCycles, bytes) -> {
            long now = simulation.nowCycles();
            window.deliveries++;
            if (now >= windowStart && now < windowEnd) {
                window.acceptedFlits += flits;
            }
            if (tag == TAG_MEASURED) {
                latency.record(now - sentCycles);
                window.measuredDeliveries++;
                int quarter = (int) Math.min(QUARTERS - 1, (sentCycles - windowStart) * QUARTERS / settings.measureCycles());
                window.quarterLatency[quarter] += now - sentCycles;
                window.quarterCount[quarter]++;
            }
        });
        TrafficSource.PacketStarter starter = (tile, now) -> {
            UniformRandomProvider random = window.randoms[tile];
            Destinations destinations = pattern.next(tile, random);
            boolean measured = now >= windowStart && now < windowEnd;
            if (measured) {
                window.offeredFlits += flits;
                window.expectedFlits += (long) flits * destinations.count(tiles);
            }
            network.send(tile, destinations, payloadBytes, measured ? TAG_MEASURED : TAG_UNMEASURED);
        };
        window.randoms = new UniformRandomProvider[tiles];
        List<TrafficSource> sources = new ArrayList<>();
        for (int tile = 0; tile < tiles; tile++) {
            if (!pattern.sends(tile)) {
                continue;
            }
            String path = "traffic.source" + topology.routerName(tile);
            window.randoms[tile] = streams.stream(path + ".destinations");
            sources.add(new TrafficSource(simulation, path, tile, streams.stream(path + ".injection"),
                    settings.packetProbabilityPerCycle(), windowEnd, starter));
        }
        sources.forEach(TrafficSource::begin);
        long lastEvent = simulation.run();

        double nodeCycles = (double) tiles * settings.measureCycles();
        double offered = window.offeredFlits / nodeCycles;
        double accepted = window.acceptedFlits / nodeCycles;
        double expected = window.expectedFlits / nodeCycles;
        boolean shortOfThroughput = window.acceptedFlits < (1 - THROUGHPUT_TOLERANCE) * window.expectedFlits;
        double growth = window.latencyGrowth();
        boolean latencyGrowing = window.latencyKeepsGrowing();
        String by = shortOfThroughput && latencyGrowing ? "throughput+latency"
                : shortOfThroughput ? "throughput" : latencyGrowing ? "latency" : "";
        return new LoadPoint(settings.rateFlitsPerNodeCycle(), offered, accepted, expected,
                latency.count() == 0 ? Double.NaN : latency.mean(),
                latency.count() == 0 ? Double.NaN : latency.percentile(50),
                latency.count() == 0 ? Double.NaN : latency.percentile(99),
                window.measuredDeliveries, growth, shortOfThroughput || latencyGrowing, by, window.deliveries,
                lastEvent, simulation.eventsDispatched());
    }

    /** Mutable tallies of one run, touched only by that run's thread. */
    private static final class Window {
        long offeredFlits;
        long expectedFlits;
        long acceptedFlits;
        long measuredDeliveries;
        long deliveries;
        final double[] quarterLatency = new double[QUARTERS];
        final long[] quarterCount = new long[QUARTERS];
        UniformRandomProvider[] randoms;

        double quarterMean(int quarter) {
            return quarterCount[quarter] == 0 ? Double.NaN : quarterLatency[quarter] / quarterCount[quarter];
        }

        double latencyGrowth() {
            return quarterMean(QUARTERS - 1) / quarterMean(0);
        }

        boolean latencyKeepsGrowing() {
            for (int q = 1; q < QUARTERS; q++) {
                if (!(quarterMean(q) >= quarterMean(q - 1))) {
                    return false;
                }
            }
            return latencyGrowth() >= LATENCY_GROWTH_LIMIT;
        }
    }
}
