package org.neurotile.app;

import java.nio.file.Path;
import org.neurotile.app.output.StagedOutput;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.chip.ProcessorSpec;
import org.neurotile.neuron.chip.TileParameters;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.sim.InvalidInputException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The chip options of the commands that simulate one: a chip file or the processor, then overrides. */
final class ChipOptions {
    @Option(names = "--chip", paramLabel = "FILE|processor",
            description = "YAML or JSON file with every chip parameter (keys as in a run's chip.json), the options "
                    + "below overriding it; or 'processor' for the memory-bound processor baseline.")
    private String chipFile;

    @Option(names = "--array", paramLabel = "WxH", description = "Tile array (default: 32x32).")
    private String array;

    @Option(names = "--topology", paramLabel = "KIND",
            description = "mesh, torus, ring or tree:K over the array (default: mesh).")
    private String topology;

    @Option(names = "--tile-memory", paramLabel = "SIZE",
            description = "Memory per tile, e.g. 512KiB, 2MiB (${bundle:tileMemoryBytes}).")
    private String tileMemory;

    @Option(names = "--macs-per-cycle", paramLabel = "N",
            description = "MACs per tile per cycle (${bundle:macsPerCycle}).")
    private Integer macsPerCycle;

    @Mixin
    private RouterOptions routerOptions;

    @Option(names = "--mapping", paramLabel = "NAME",
            description = "contiguous or error-grouped (default: contiguous).")
    private String mapping;

    @Option(names = "--conv-mapping", paramLabel = "NAME",
            description = "How convolutions are cut into tiles: copies (whole output rows, a kernel copied into "
                    + "every tile of its channel, partial gradients reduced at its first tile), single (whole "
                    + "channels, each kernel in one tile, the input streamed through a line buffer and again for the "
                    + "gradient) or rows (whole output rows of a block of channels, the largest with which the layer "
                    + "takes no more tiles than under copies, their partial sums added in the tile; kernels copied "
                    + "and reduced as copies does). Default: copies.")
    private String convMapping;

    /** The options of a chip file (or 'processor') and an array, either null when not given. */
    static ChipOptions of(String chipFile, String array) {
        ChipOptions options = new ChipOptions();
        options.chipFile = chipFile;
        options.array = array;
        options.routerOptions = new RouterOptions();
        return options;
    }

    /** The chip file given, if any: an input of the command. */
    Path file() {
        return processor() ? null : StagedOutput.input(chipFile);
    }

    private boolean processor() {
        return "processor".equals(chipFile);
    }

    /** The chip the options describe; every value is checked against its declared range. */
    Chip chip() {
        if (processor()) {
            return Chip.processor(processorSpec());
        }
        ChipSpec spec = chipSpec();
        try {
            return new Chip(spec);
        } catch (InvalidInputException e) {
            String source = topology != null ? "--topology" : chipFile != null ? chipFile + ": key 'topology'" : null;
            throw source == null ? e : new InvalidInputException(source + ": " + e.getMessage());
        }
    }

    private ProcessorSpec processorSpec() {
        ProcessorSpec d = ProcessorSpec.DEFAULTS;
        if (convMapping != null) {
            throw new InvalidInputException("--chip processor has no tiles: --conv-mapping does not apply");
        }
        if (array != null || topology != null || tileMemory != null || mapping != null) {
            throw new InvalidInputException("--chip processor has no tiles: --array, --topology, --tile-memory and "
                    + "--mapping do not apply (--macs-per-cycle does)");
        }
        return new ProcessorSpec(macsPerCycle == null ? d.macsPerCycle()
                : TileParameters.MACS_PER_CYCLE.checkInt(macsPerCycle), d.offChipBytesPerCycle(),
                d.offChipBytes(), d.wordBytes(), d.phaseOverheadCycles());
    }

    /** Defaults, then the chip file, then the options given. */
    private ChipSpec chipSpec() {
        ChipSpec chip = chipFile == null ? ChipSpec.DEFAULTS : ChipConfigFile.read(Path.of(chipFile), ChipSpec.DEFAULTS);
        TileParameters tile = chip.tile().withOptions(tileMemory, macsPerCycle);
        return new ChipSpec(array == null ? chip.array() : Topologies.parseArray(array),
                topology == null ? chip.topology() : topology, routerOptions.apply(chip.network()), tile,
                mapping == null ? chip.mapping() : ChipSpec.MappingKind.byName(mapping),
                convMapping == null ? chip.convMapping() : convMapping(convMapping));
    }

    private static WeightSharing convMapping(String name) {
        try {
            return WeightSharing.byName(name);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--conv-mapping: " + e.getMessage());
        }
    }
}
