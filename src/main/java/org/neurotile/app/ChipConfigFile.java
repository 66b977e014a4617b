package org.neurotile.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.neuron.chip.TileParameters;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.topology.GridShape;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigFile;
import org.neurotile.sim.config.ConfigSection;

/**
 * A chip described in a file ({@code --chip FILE}): the array, its network and its tiles, under the
 * keys {@link #toConfig} writes, so a run's {@code chip.json} describes its chip again.
 */
final class ChipConfigFile {
    private static final List<String> CHIP_KEYS = List.of("array", "topology", "mapping", "convMapping");

    private ChipConfigFile() {
    }

    /** Every key of a chip file. */
    static final List<String> KEYS = keys();

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(CHIP_KEYS);
        keys.addAll(TileParameters.KEYS);
        keys.addAll(NocParameters.KEYS);
        return List.copyOf(keys);
    }

    static ChipSpec read(Path file, ChipSpec base) {
        ConfigSection c = ConfigFile.load(file);
        c.requireOnlyKeys(KEYS);
        return read(c, base);
    }

    /** {@code base} with the chip keys of {@code c} (whose other keys, if any, the caller checks). */
    static ChipSpec read(ConfigSection c, ChipSpec base) {
        TileParameters tile = TileParameters.read(c, base.tile());
        NocParameters network = NocParameters.read(c, base.network());
        String array = c.getString("array", base.array().toString());
        GridShape shape = checked(c, "array", () -> Topologies.parseArray(array));
        String topology = c.getString("topology", base.topology());
        checked(c, "topology", () -> Topologies.parse(topology, Optional.of(shape)));
        String mapping = c.getChoice("mapping", base.mapping().id(), List.of("contiguous", "error-grouped"));
        String convMapping = c.getChoice("convMapping", base.convMapping().id(), WeightSharing.ids());
        return new ChipSpec(shape, topology, network, tile, ChipSpec.MappingKind.byName(mapping),
                WeightSharing.byName(convMapping));
    }

    /** The value of {@code key} read by its own parser, whose refusal then names the file, line and key. */
    private static <T> T checked(ConfigSection c, String key, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            throw c.invalid(key, "has an " + e.getMessage());
        }
    }

    /** The chip under the file's keys. */
    static Map<String, Object> toConfig(ChipSpec chip) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("array", chip.array().toString());
        config.put("topology", chip.topology());
        config.put("mapping", chip.mapping().id());
        if (chip.convMapping() != WeightSharing.DEFAULT) { // the default is left out: earlier chip files stay as they were
            config.put("convMapping", chip.convMapping().id());
        }
        TileParameters t = chip.tile();
        config.put("tileMemoryBytes", t.memoryBytes());
        config.put("wordBytes", t.wordBytes());
        config.put("memoryPorts", t.memoryPorts());
        config.put("wordsPerCyclePerPort", t.wordsPerCyclePerPort());
        config.put("macsPerCycle", t.macsPerCycle());
        config.put("phaseOverheadCycles", t.phaseOverheadCycles());
        config.putAll(NocSettings.networkConfig(chip.network()));
        return config;
    }
}
