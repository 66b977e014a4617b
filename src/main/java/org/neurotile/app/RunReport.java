package org.neurotile.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.ChipModel;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.chip.CountSummary;
import org.neurotile.neuron.chip.ExampleRun;
import org.neurotile.neuron.chip.LinkLoads;
import org.neurotile.neuron.chip.TileParameters;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Counts;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.MemoryKind;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.train.FunctionalStep;
import org.neurotile.noc.topology.Topology;
import org.neurotile.reports.area.Area;
import org.neurotile.reports.area.AreaModel;
import org.neurotile.reports.area.AreaTable;
import org.neurotile.sim.io.AtomicFiles;
import org.neurotile.workloads.NetworkSummary;

/** The summary table, result.json and counts.csv of one rule's example on a chip. */
final class RunReport {
    private final String rule;
    private final Chip.Example example;
    private final CountSummary summary;
    private final ClosedForm closedForm; // null where the rule has none
    private final Topology topology;
    private final ChipModel chip;
    private final int movedWordBytes;
    private final AreaTable areaTable;
    private final Area area;
    private FunctionalStep functional;

    /** The example's report with the chip's area under the default area table. */
    RunReport(String rule, Chip.Example example, ClosedForm closedForm, Chip chip) {
        this(rule, example, closedForm, chip, AreaTable.preset(AreaTable.DEFAULT));
    }

    RunReport(String rule, Chip.Example example, ClosedForm closedForm, Chip chip, AreaTable areaTable) {
        this.rule = rule;
        this.example = example;
        this.movedWordBytes = example.movedWordBytes();
        this.summary = CountSummary.of(example.run(), movedWordBytes);
        this.closedForm = closedForm;
        this.topology = chip.topology();
        this.chip = chip.model();
        this.areaTable = areaTable;
        this.area = AreaModel.of(areaTable, ChipAreas.of(chip));
    }

    /** Binary units: 512 KiB, 2 MiB. */
    static String bytes(long bytes) {
        return ChipModel.bytes(bytes);
    }

    void setFunctional(FunctionalStep step) {
        this.functional = step;
    }

    CountSummary summary() {
        return summary;
    }

    /** The chip's area as built, every tile counted. */
    Area area() {
        return area;
    }

    /** Tiles holding any neuron of the mapping. */
    long tilesUsed() {
        return example.mapping().tilesUsed();
    }

    /** The chip's area by part, under the table that priced it. */
    private Map<String, Object> areaBreakdown() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("table", areaTable.name());
        values.put("tiles", area.tiles());
        values.put("sramMm2", area.sramMm2());
        values.put("macMm2", area.macMm2());
        values.put("routerMm2", area.routerMm2());
        values.put("linkMm2", area.linkMm2());
        return values;
    }

    /** Simulated against closed form per category, in the closed form's terms (see docs/counting.md). */
    Map<String, Map<String, Object>> closedFormComparison() {
        Map<String, Map<String, Object>> comparison = new LinkedHashMap<>();
        if (closedForm == null) {
            return comparison;
        }
        long reads = 0;
        for (Category category : chip.closedFormReads()) {
            reads += backward(category);
        }
        long writes = backward(Category.WEIGHT_WRITES);
        long macs = backward(Category.MACS);
        long words = backward(Category.WORDS_MOVED);
        comparison.put("reads", entry(closedForm.reads(), reads));
        comparison.put("writes", entry(closedForm.writes(), writes));
        comparison.put("macs", entry(closedForm.macs(), macs));
        comparison.put("wordsMoved", entry(closedForm.wordsMoved(), words));
        return comparison;
    }

    /** A category summed over the error and update phases, which the closed forms cover. */
    private long backward(Category category) {
        ExampleRun run = example.run();
        return run.total(category, Phase.ERROR) + run.total(category, Phase.UPDATE);
    }

    private static Map<String, Object> entry(long expected, long simulated) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("closedForm", expected);
        e.put("simulated", simulated);
        e.put("difference", simulated - expected);
        return e;
    }

    Map<String, Object> footprint() {
        Mapping mapping = example.mapping();
        Map<String, Object> footprint = new LinkedHashMap<>();
        Map<String, Long> total = new LinkedHashMap<>();
        Map<String, Long> largestTile = new LinkedHashMap<>();
        for (MemoryKind kind : MemoryKind.values()) {
            long sum = 0;
            long max = 0;
            for (int tile = 0; tile < mapping.tileCount(); tile++) {
                long bytes = mapping.footprintBytes(tile, kind);
                sum += bytes;
                max = Math.max(max, bytes);
            }
            total.put(kind.id() + "Bytes", sum);
            largestTile.put(kind.id() + "Bytes", max);
        }
        footprint.put("tilesUsed", mapping.tilesUsed());
        footprint.put("total", total);
        footprint.put("largestTile", largestTile);
        return footprint;
    }

    /** Each layer as describe prints it, so reports name layers by kind and shape. */
    private List<Map<String, Object>> layers() {
        return NetworkSummary.of(example.mapping().network()).rows().stream().map(NetworkSummary.Row::asMap).toList();
    }

    void writeResult(Path directory, Map<String, Object> config) throws IOException {
        Map<String, Object> result = result(config);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeUtf8(directory.resolve("result.json"), writer -> json.writeValue(writer, result));
    }

    /** What result.json holds, with {@code config} as its configuration. */
    Map<String, Object> result(Map<String, Object> config) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rule", rule);
        result.put("cycles", summary.cycles());
        result.put("areaMm2", area.totalMm2());
        result.put("usedAreaMm2", area.usedMm2(tilesUsed()));
        result.put("tilesUsed", tilesUsed());
        result.put("totals", summary.totals().byId());
        result.put("byPhase", Counts.byId(summary.byPhase(), Phase::id));
        result.put("byLayer", Counts.byId(summary.byLayer(), String::valueOf));
        result.put("layers", layers());
        result.put("footprint", footprint());
        result.put("area", areaBreakdown());
        result.put("closedForm", closedFormComparison());
        if (example.batch() > 1) {
            // The counts above are the simulated graph: one example's forward and error tasks, the batch's update.
            CountSummary batch = CountSummary.ofBatch(example, movedWordBytes);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("size", example.batch());
            values.put("cyclesPerBatch", batch.cycles());
            values.put("totalsPerBatch", batch.totals().byId());
            values.put("byPhasePerBatch", Counts.byId(batch.byPhase(), Phase::id));
            result.put("batch", values);
        }
        if (functional != null) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("precision", functional.before().precision().id());
            values.put("label", functional.label());
            values.put("learningRate", functional.learningRate());
            values.put("lossBefore", functional.pass().loss());
            values.put("lossAfter", functional.lossAfter());
            result.put("functional", values);
        }
        result.put("config", config);
        return result;
    }

    /**
     * The run's files in {@code directory}: result.json and counts.csv, and on a tile array also
     * links.csv and chip.json (every chip parameter, which --chip reads back).
     */
    void writeFiles(Path directory, Map<String, Object> config) throws IOException {
        writeResult(directory, config);
        writeCounts(directory);
        Optional<ChipSpec> array = chip.arraySpec();
        if (array.isPresent()) {
            writeLinks(directory);
            AtomicFiles.writeUtf8(directory.resolve("chip.json"), writer -> new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValue(writer, ChipConfigFile.toConfig(array.get())));
        }
    }

    /** The resolved chip of a configuration: every parameter of the array, or the processor's. */
    static Map<String, Object> chipConfig(Chip chip) {
        return chip.model().arraySpec().map(ChipConfigFile::toConfig).orElseGet(() -> processorConfig(chip.spec()
                .tile()));
    }

    /** The processor as a one-tile chip whose memory is off chip, under its own keys. */
    private static Map<String, Object> processorConfig(TileParameters tile) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("kind", "processor");
        config.put("macsPerCycle", tile.macsPerCycle());
        config.put("offChipBytesPerCycle", (long) tile.wordsPerCyclePerPort() * tile.wordBytes());
        config.put("offChipBytes", tile.memoryBytes());
        config.put("wordBytes", tile.wordBytes());
        config.put("phaseOverheadCycles", tile.phaseOverheadCycles());
        return config;
    }

    /** One row per task: tile, its coordinates, layer, phase, then every category. */
    void writeCounts(Path directory) throws IOException {
        ExampleRun run = example.run();
        AtomicFiles.writeUtf8(directory.resolve("counts.csv"), writer -> {
            StringBuilder header = new StringBuilder("tile,x,y,layer,phase,startCycles,finishCycles");
            for (Category category : Category.values()) {
                header.append(',').append(category.id());
            }
            writer.write(header.append('\n').toString());
            for (int task = 0; task < run.taskCount(); task++) {
                int tile = run.tileOf(task);
                StringBuilder row = new StringBuilder();
                row.append(tile).append(',').append(topology.coord(tile).x()).append(',')
                        .append(topology.coord(tile).y()).append(',').append(run.layerOf(task)).append(',')
                        .append(run.phaseOf(task).id()).append(',').append(run.startCycles(task)).append(',')
                        .append(run.finishCycles(task));
                for (Category category : Category.values()) {
                    long value = category == Category.BYTES_MOVED
                            ? run.count(task, Category.WORDS_MOVED) * movedWordBytes : run.count(task, category);
                    row.append(',').append(value);
                }
                writer.write(row.append('\n').toString());
            }
        });
    }

    /**
     * One row per NoC link: its id, end routers (ids and, for tile routers, coordinates; a tile's
     * router has the tile's id) and what it carried. A tree's inner routers have no coordinates.
     */
    void writeLinks(Path directory) throws IOException {
        LinkLoads links = example.links();
        AtomicFiles.writeUtf8(directory.resolve("links.csv"), writer -> {
            writer.write("link,fromRouter,toRouter,fromX,fromY,toX,toY,bytes,flits,busyCycles\n");
            for (int link = 0; link < links.linkCount(); link++) {
                int from = topology.linkFrom(link);
                int to = topology.linkTo(link);
                writer.write(link + "," + from + "," + to
                        + "," + coordinates(from) + "," + coordinates(to) + "," + links.bytes(link) + ","
                        + links.flits(link) + "," + links.busyCycles(link) + "\n");
            }
        });
    }

    private String coordinates(int router) {
        return router < topology.tileCount() ? topology.coord(router).x() + "," + topology.coord(router).y() : ",";
    }

    /** The categories a user reads first, one line each, with the first rule's ratio to each other rule. */
    static void printTable(PrintWriter out, List<String> rules, List<RunReport> reports) {
        List<Category> categories = List.of(Category.MACS, Category.WEIGHT_READS, Category.WEIGHT_WRITES,
                Category.FEEDBACK_READS, Category.WORDS_MOVED, Category.NOC_BYTES_INJECTED, Category.NOC_BYTE_HOPS,
                Category.OFF_CHIP_BYTES);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-18s", "per example"));
        for (String r : rules) {
            header.append(String.format(Locale.ROOT, " %16s", r));
        }
        for (int i = 1; i < rules.size(); i++) {
            String ratio = rules.get(0) + "/" + rules.get(i);
            header.append(String.format(Locale.ROOT, " %" + Math.max(12, ratio.length()) + "s", ratio));
        }
        out.println(header);
        for (int row = 0; row <= categories.size() + 1; row++) {
            // row 0: cycles; then the categories; the last row: tilesUsed
            boolean tiles = row == categories.size() + 1;
            Category category = row == 0 || tiles ? null : categories.get(row - 1);
            String name = tiles ? "tilesUsed" : category == null ? "cycles" : category.id();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s", name));
            long[] values = new long[reports.size()];
            for (int i = 0; i < reports.size(); i++) {
                CountSummary s = reports.get(i).summary();
                values[i] = tiles ? reports.get(i).tilesUsed() : category == null ? s.cycles() : s.totals().get(category);
                line.append(String.format(Locale.ROOT, " %,16d", values[i]));
            }
            for (int i = 1; i < values.length; i++) {
                int width = Math.max(12, (rules.get(0) + "/" + rules.get(i)).length());
                line.append(values[i] == 0 ? String.format(Locale.ROOT, " %" + width + "s", "-")
                        : String.format(Locale.ROOT, " %" + width + ".2f", (double) values[0] / values[i]));
            }
            out.println(line);
        }
    }

    /**
     * The chip's area by part (the same for every rule: one chip) and the share of the tiles each
     * rule's mapping uses.
     */
    static void printArea(PrintWriter out, List<String> rules, List<RunReport> reports) {
        RunReport first = reports.get(0);
        Area area = first.area;
        if (area.sramMm2() == 0 && area.routerMm2() == 0) {
            out.printf(Locale.ROOT, "chip area (%s table): %,.2f mm² of MAC units; the processor's memory is off chip%n",
                    first.areaTable.name(), area.totalMm2());
            return;
        }
        out.printf(Locale.ROOT, "chip area (%s table): %,.2f mm² for %,d tiles: SRAM %,.2f, MACs %,.2f, routers %,.2f, "
                + "links %,.2f%n", first.areaTable.name(), area.totalMm2(), area.tiles(), area.sramMm2(), area.macMm2(),
                area.routerMm2(), area.linkMm2());
        StringBuilder used = new StringBuilder("used tiles' area:");
        for (int i = 0; i < reports.size(); i++) {
            RunReport report = reports.get(i);
            used.append(i == 0 ? " " : ", ").append(reports.size() == 1 ? "" : rules.get(i) + " ")
                    .append(String.format(Locale.ROOT, "%,.2f mm² (%,d tiles)", report.area.usedMm2(report.tilesUsed()),
                            report.tilesUsed()));
        }
        out.println(used);
    }
}
