package org.neurotile.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.chip.ProcessorSpec;
import org.neurotile.neuron.chip.TileParameters;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.VcRouterParameters;
import org.neurotile.noc.topology.GridShape;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.noc.topology.Topology;
import org.neurotile.reports.area.AreaModel;
import org.neurotile.sim.InvalidInputException;

/**
 * What the area model needs of a chip, from the chip itself or from a run's result.json. A tile
 * array is every tile's SRAM and MACs, and its routers (each with a port per link out and one to
 * its tile) and links; the processor baseline is its MAC units alone, its memory being off chip.
 */
final class ChipAreas {
    private ChipAreas() {
    }

    static AreaModel.Chip of(Chip chip) {
        TileParameters tile = chip.spec().tile();
        Optional<ChipSpec> array = chip.model().arraySpec();
        if (array.isEmpty()) {
            return processor(tile.macsPerCycle(), tile.wordBytes());
        }
        NocParameters network = array.get().network();
        return tileArray(chip.topology(), tile.memoryBytes(), tile.macsPerCycle(), tile.wordBytes(),
                network.flitBytes(), network.linkWidthBytes(), network.vc().virtualChannels(),
                network.vc().bufferDepthFlits());
    }

    /** The chip of a run as its result.json's {@code config.chip} describes it. */
    static AreaModel.Chip of(Path file, JsonNode chip) {
        if ("processor".equals(chip.path("kind").asText())) {
            return processor(whole(file, chip, "macsPerCycle", ProcessorSpec.DEFAULTS.macsPerCycle()),
                    whole(file, chip, "wordBytes", ProcessorSpec.DEFAULTS.wordBytes()));
        }
        int[] shape = RunFiles.arrayShape(file, chip.path("array").asText(ChipSpec.DEFAULTS.array().toString()));
        String spec = chip.path("topology").asText(ChipSpec.DEFAULTS.topology());
        Topology topology;
        try {
            topology = Topologies.parse(spec, Optional.of(new GridShape(shape[0], shape[1])));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": key 'config.chip.topology' has an " + e.getMessage());
        }
        return tileArray(topology,
                RunFiles.positive(file, chip, TileParameters.MEMORY_BYTES.key(),
                        TileParameters.MEMORY_BYTES.defaultValue(), Long.MAX_VALUE, "config.chip."),
                whole(file, chip, TileParameters.MACS_PER_CYCLE.key(), TileParameters.MACS_PER_CYCLE.defaultInt()),
                whole(file, chip, TileParameters.WORD_BYTES.key(), TileParameters.WORD_BYTES.defaultInt()),
                whole(file, chip, NocParameters.FLIT_BYTES.key(), NocParameters.FLIT_BYTES.defaultInt()),
                whole(file, chip, NocParameters.LINK_WIDTH_BYTES.key(), NocParameters.LINK_WIDTH_BYTES.defaultInt()),
                whole(file, chip, VcRouterParameters.VCS.key(), VcRouterParameters.VCS.defaultInt()),
                whole(file, chip, VcRouterParameters.VC_DEPTH_FLITS.key(), VcRouterParameters.VC_DEPTH_FLITS.defaultInt()));
    }

    private static AreaModel.Chip processor(int macsPerCycle, int wordBytes) {
        return new AreaModel.Chip(1, OptionalLong.empty(), macsPerCycle, wordBytes, Optional.empty());
    }

    private static AreaModel.Chip tileArray(Topology topology, long memoryBytes, int macsPerCycle, int wordBytes,
                                            int flitBytes, int linkWidthBytes, int vcs, int vcDepthFlits) {
        Map<Integer, Long> routersByPorts = new TreeMap<>();
        for (int router = 0; router < topology.routerCount(); router++) {
            int ports = topology.outLinkCount(router) + (router < topology.tileCount() ? 1 : 0);
            routersByPorts.merge(ports, 1L, Long::sum);
        }
        return new AreaModel.Chip(topology.tileCount(), OptionalLong.of(memoryBytes), macsPerCycle, wordBytes,
                Optional.of(new AreaModel.Network(routersByPorts, topology.linkCount(), flitBytes, linkWidthBytes, vcs,
                        vcDepthFlits)));
    }

    private static int whole(Path file, JsonNode chip, String key, int absent) {
        return (int) RunFiles.positive(file, chip, key, absent, Integer.MAX_VALUE, "config.chip.");
    }
}
