package org.neurotile.neuron.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurotile.neuron.counts.Counts;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.noc.topology.GridShape;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.workloads.NetworkCatalog;
import org.neurotile.workloads.NetworkSpec;

/**
 * Golden counts of one example of every catalog network under every rule on the default chip, so
 * that no change to the cost model goes unnoticed. A deliberate change regenerates them with
 * {@code mvn test -pl neuron-model -Dtest=GoldenCountsTest -Dneurotile.golden.update=true} and is
 * committed saying why.
 */
class GoldenCountsTest {
    private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("neurotile.golden.update");
    /** vgg16-fc's 478 MB of weights need more than the default 32x32 tiles of 512 KiB. */
    private static final Map<String, GridShape> LARGER_ARRAYS = Map.of("vgg16-fc", new GridShape(40, 40));
    /**
     * hybrid's two velocities per weight triple the weight memory: alexnet-fc needs 40x40 tiles,
     * vgg16-fc 2 MiB tiles (rather than 70x70 tiles of 512 KiB, which take minutes to simulate).
     */
    private static final Map<String, GridShape> LARGER_ARRAYS_FOR_HYBRID = Map.of("vgg16-fc", new GridShape(40, 40),
            "alexnet-fc", new GridShape(40, 40));
    private static final Map<String, Long> LARGER_TILES_FOR_HYBRID = Map.of("vgg16-fc", 2L << 20);

    /**
     * The convolution networks small enough to simulate in a test; a rule whose feedback does not fit
     * the default chip has its one-line refusal as its golden record.
     */
    private static final Set<String> CONVOLUTIONAL = Set.of("mnist-cnn", "cifar10-cnn");

    static Stream<Arguments> cases() {
        return NetworkCatalog.names().stream()
                .filter(network -> NetworkCatalog.get(network).isFullyConnected() || CONVOLUTIONAL.contains(network))
                .filter(network -> LayerKernels.of(NetworkCatalog.get(network)).firstNormalising() == 0) // not costed
                .flatMap(network -> LearningRules.EXAMPLES.stream().map(rule -> Arguments.of(network, rule)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void countsMatchTheGoldenFile(String networkName, String rule) throws IOException {
        NetworkSpec network = NetworkCatalog.get(networkName);
        ChipSpec defaults = ChipSpec.DEFAULTS;
        Map<String, GridShape> arrays = rule.startsWith("hybrid") ? LARGER_ARRAYS_FOR_HYBRID : LARGER_ARRAYS;
        TileParameters t = defaults.tile();
        long memory = rule.startsWith("hybrid") ? LARGER_TILES_FOR_HYBRID.getOrDefault(networkName, t.memoryBytes())
                : t.memoryBytes();
        ChipSpec chip = new ChipSpec(arrays.getOrDefault(networkName, defaults.array()), defaults.topology(),
                defaults.network(), new TileParameters(memory, t.wordBytes(), t.memoryPorts(),
                        t.wordsPerCyclePerPort(), t.macsPerCycle(), t.phaseOverheadCycles()), defaults.mapping());
        Map<String, Object> golden = new LinkedHashMap<>();
        golden.put("network", network.describe());
        golden.put("rule", rule);
        golden.put("chip", chip.buildTopology().spec());
        Chip.Example example;
        try {
            example = new Chip(chip).run(network, LearningRules.parse(rule, 1), true, TraceRecorder.disabled());
        } catch (InvalidInputException e) {
            if (!CONVOLUTIONAL.contains(networkName)) {
                throw e;
            }
            golden.put("refused", e.getMessage());
            example = null;
        }
        if (example != null) {
            CountSummary summary = CountSummary.of(example.run(), ChipSpec.DEFAULTS.tile().wordBytes());
            golden.put("tilesUsed", example.mapping().tilesUsed());
            golden.put("cycles", summary.cycles());
            golden.put("totals", summary.totals().byId());
            golden.put("byPhase", Counts.byId(summary.byPhase(), Phase::id));
        }
        String actual = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(golden)
                + System.lineSeparator();
        Path file = DIRECTORY.resolve(networkName + "." + rule.replace(':', '_') + ".json");
        if (UPDATE) {
            Files.createDirectories(DIRECTORY);
            Files.writeString(file, actual);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden file " + file + "; generate it with -Dneurotile.golden.update=true and commit it");
        }
        assertEquals(Files.readString(file), actual, "counts of " + networkName + " under " + rule
                + " changed; if that is deliberate, regenerate the golden files and say why in the commit");
    }
}
