package org.neurotile.noc.traffic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.noc.AllocatorKind;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.RouterKind;
import org.neurotile.noc.VcRouterParameters;
import org.neurotile.noc.routing.Routings;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.noc.topology.Topology;

/**
 * The vc router configured as BookSim2 was (test resources {@code booksim/}): mean latency within 10 %
 * at every load up to 90 % of BookSim's saturation throughput, and saturation throughput (the most
 * accepted at any load) within 5 %, for 1- and 4-flit packets. Windows are shorter than BookSim's
 * (3,000 warm-up and 6,000 measured cycles instead of 10,000 and 10,000) to keep the test short.
 */
class BookSimComparisonTest {
    /** BookSim's configuration in neurotile's terms; see docs/noc.md for the mapping. */
    static final NocParameters BOOKSIM = NocParameters.DEFAULTS.withInjectionCycles(2).withRouter(RouterKind.VC,
            new VcRouterParameters(16, 8, AllocatorKind.ISLIP, AllocatorKind.ISLIP, 0, 1, 1, 1, 2, 10_000));
    private static final double LATENCY_TOLERANCE = 0.10;
    private static final double SATURATION_TOLERANCE = 0.05;
    private static final double[] PAST_SATURATION = {0.46, 0.5};

    record Reference(int packetFlits, double rate, double latency, double accepted) { }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void latencyAndSaturationThroughputFollowBookSim(int packetFlits) throws IOException {
        List<Reference> reference = reference(packetFlits);
        double bookSimSaturation = reference.stream().mapToDouble(Reference::accepted).max().orElseThrow();
        List<Reference> compared = reference.stream().filter(r -> r.rate() <= 0.9 * bookSimSaturation).toList();
        List<LoadSettings> loads = new ArrayList<>();
        for (Reference r : compared) {
            loads.add(new LoadSettings(r.rate(), packetFlits, 3_000, 6_000, 1));
        }
        for (double rate : PAST_SATURATION) {
            loads.add(new LoadSettings(rate, packetFlits, 3_000, 6_000, 1));
        }
        Topology mesh = Topologies.parse("mesh:8x8");
        List<LoadPoint> points = new TrafficExperiment(mesh, Routings.defaultFor(mesh), BOOKSIM, "uniform")
                .sweep(loads, 2);

        StringBuilder table = new StringBuilder();
        boolean ok = true;
        for (int i = 0; i < compared.size(); i++) {
            Reference r = compared.get(i);
            double ours = points.get(i).meanLatencyCycles();
            double error = (ours - r.latency()) / r.latency();
            ok &= Math.abs(error) <= LATENCY_TOLERANCE && !points.get(i).saturated();
            table.append(String.format(Locale.ROOT, "%n  %d flits at %.2f: %.2f vs BookSim %.2f (%+.1f %%)%s",
                    packetFlits, r.rate(), ours, r.latency(), 100 * error, points.get(i).saturated() ? " saturated" : ""));
        }
        double saturation = 0;
        for (int i = compared.size(); i < points.size(); i++) {
            saturation = Math.max(saturation, points.get(i).acceptedFlitsPerNodeCycle());
            ok &= points.get(i).saturated();
        }
        double error = (saturation - bookSimSaturation) / bookSimSaturation;
        ok &= Math.abs(error) <= SATURATION_TOLERANCE;
        table.append(String.format(Locale.ROOT, "%n  saturation throughput %.4f vs BookSim %.4f (%+.1f %%)",
                saturation, bookSimSaturation, 100 * error));
        assertTrue(ok, table.toString());
    }

    static List<Reference> reference(int packetFlits) throws IOException {
        List<Reference> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                BookSimComparisonTest.class.getResourceAsStream("/booksim/mesh8-uniform.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                if (Integer.parseInt(f[2]) == packetFlits) {
                    rows.add(new Reference(packetFlits, Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                            Double.parseDouble(f[5])));
                }
            }
        }
        return rows;
    }
}
