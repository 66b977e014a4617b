package org.neurotile.noc.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.neurotile.fuzz.ParserOracle;
import org.neurotile.fuzz.SpecStrings;
import org.neurotile.noc.routing.Routings;
import org.neurotile.noc.traffic.TrafficPatterns;

/**
 * Topology, array, routing and traffic specs ({@code --topology}, {@code --array}, {@code --routing},
 * {@code --traffic} and their config keys). A topology that parses prints a spec that parses to the
 * same topology; an array prints back to itself.
 */
class TopologySpecFuzzTest {
    private static final List<String> TOKENS = SpecStrings.tokens(List.of("mesh", "torus", "ring", "tree",
            "Mesh", "hypercube", "mesh:", "tree:4:", "x", "8x8", "1x1", "0x4", "1024x1024", "1025x1024",
            "999999999x999999999", "uniform", "transpose", "bit-complement", "hotspot", "broadcast", "all-to-all",
            "xy", "yx", "up-down", "shortest"));
    private static final GridShape ARRAY = new GridShape(4, 4);

    private final ParserOracle oracle = new ParserOracle();

    @Provide
    Arbitrary<String> specs() {
        return SpecStrings.of(List.of("mesh:8x8", "torus:4x4", "ring:16", "ring:4x4", "tree:4:8x8", "tree:2:7",
                "mesh", "tree:4", "8x8", "32x32", "hotspot:0.2", "broadcast:3", "uniform", "transpose"), TOKENS);
    }

    @Property(tries = 2000, seed = "10503")
    void specsParseOrAreRefusedAndPrintBackToThemselves(@ForAll("specs") String spec) {
        check(spec);
    }

    @FuzzTest(maxDuration = "5m")
    void topologySpecs(@NotNull byte[] bytes) {
        check(new String(bytes, StandardCharsets.UTF_8));
    }

    private void check(String spec) {
        oracle.check(spec, "topology", () -> Topologies.parse(spec, Optional.of(ARRAY))).ifPresent(topology -> {
            Topology again = Topologies.parse(topology.spec());
            assertEquals(topology.spec(), again.spec(), () -> "'" + spec + "' does not print back");
            assertEquals(topology.tileCount(), again.tileCount());
        });
        oracle.check(spec, "array", () -> Topologies.parseArray(spec)).ifPresent(shape ->
                assertEquals(shape, Topologies.parseArray(shape.toString()), () -> "'" + spec + "' does not print back"));
        Topology mesh = Topologies.parse("mesh:4x4");
        oracle.check(spec, "traffic", () -> TrafficPatterns.parse(spec, mesh));
        oracle.check(spec, "routing", () -> Routings.create(spec, mesh));
    }
}
