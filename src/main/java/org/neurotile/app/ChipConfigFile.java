package org.neurotile.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurotile.neuron.chip.ChipSpec;
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
    private static final List<String> CHIP_KEYS = List.of("array", "topology", "mapping");

    private ChipConfigFile() {
    }

    static ChipSpec read(Path file, ChipSpec base) {
        ConfigSection c = ConfigFile.load(file);
        List<String> keys = new ArrayList<>(CHIP_KEYS);
        keys.addAll(TileParameters.KEYS);
        keys.addAll(NocParameters.KEYS);
        c.requireOnlyKeys(keys);
        TileParameters tile = TileParameters.read(c, base.tile());
        NocParameters network = NocParameters.read(c, base.network());
        GridShape array = base.array();
        if (c.has("array")) {
            try {
                array = Topologies.parseArray(c.getString("array", ""));
            } catch (InvalidInputException e) {
                throw c.invalid("array", "is not valid: " + e.getMessage());
            }
        }
        String mapping = c.getChoice("mapping", base.mapping().id(), List.of("contiguous", "error-grouped"));
        return new ChipSpec(array, c.getString("topology", base.topology()), network, tile,
                ChipSpec.MappingKind.byName(mapping));
    }

    /** The chip under the file's keys. */
    static Map<String, Object> toConfig(ChipSpec chip) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("array", chip.array().toString());
        config.put("topology", chip.topology());
        config.put("mapping", chip.mapping().id());
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
