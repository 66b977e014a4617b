package org.neurotile.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Counts;
import org.neurotile.neuron.counts.Store;
import org.neurotile.neuron.math.NumberFormat;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.math.WordSizes;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.rules.RuleForm;
import org.neurotile.reports.area.AreaModel;
import org.neurotile.reports.energy.EnergyPass;
import org.neurotile.sim.InvalidInputException;

/**
 * One rule's run as {@code neurotile run} wrote it: result.json, counts.csv and, on tile arrays,
 * links.csv and chip.json. A directory written with {@code --compare} holds one such directory per
 * rule.
 */
record RunResult(Path directory, String workload, String rule, long cycles, Counts totals,
                 JsonNode result) {
    /** The first columns of counts.csv, before one column per count category. */
    private static final List<String> TASK_COLUMNS = List.of("tile", "x", "y", "layer", "phase", "startCycles",
            "finishCycles");
    /** The columns of links.csv. */
    private static final List<String> LINK_COLUMNS = List.of("link", "fromRouter", "toRouter", "fromX", "fromY",
            "toX", "toY", "bytes", "flits", "busyCycles");


    /** The chip of the run: {@code processor}, or the topology and array, e.g. {@code mesh:32x32}. */
    String chipLabel() {
        JsonNode chip = result.path("config").path("chip");
        if ("processor".equals(chip.path("kind").asText())) {
            return "processor";
        }
        return chip.path("topology").asText("mesh") + ":" + chip.path("array").asText("?");
    }

    /** The same run shown under another workload label (to tell chips apart in one report). */
    RunResult labelled(String workloadLabel) {
        return new RunResult(directory, workloadLabel, rule, cycles, totals, result);
    }

    /** The registry's display order (bp first, then the feedback family); rules it does not know after them. */
    private int ruleRank() {
        return LearningRules.formOf(rule).map(RuleForm::displayOrder).orElse(Integer.MAX_VALUE);
    }

    /**
     * Layer {@code l} as a chart labels it: its number and description (e.g. {@code 2 conv2d 3x3 64,
     * relu, maxpool 2x2/2}) where result.json lists the layers, else {@code layer l}; 0 is the input.
     */
    String layerLabel(int l) {
        if (l == 0) {
            return "input";
        }
        for (JsonNode layer : result.path("layers")) {
            if (layer.path("layer").asInt() == l && layer.path("description").isTextual()) {
                return l + " " + layer.path("description").asText();
            }
        }
        return "layer " + l;
    }

    /** The key of the run in a report: {@code workload/rule}. */
    String key() {
        return workload + "/" + rule;
    }

    /** The runs under a directory: itself if it holds result.json, else each subdirectory that does. */
    static List<RunResult> under(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException("run directory " + directory + ": no such directory");
        }
        if (Files.exists(directory.resolve("result.json"))) {
            return List.of(read(directory));
        }
        List<Path> subdirectories;
        try (Stream<Path> entries = Files.list(directory)) {
            subdirectories = entries.filter(p -> Files.exists(p.resolve("result.json"))).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException("run directory " + directory + ": cannot list it (" + e.getMessage() + ")");
        }
        if (subdirectories.isEmpty()) {
            throw new InvalidInputException("run directory " + directory + ": no result.json in it or its "
                    + "subdirectories, nor a sweep.sqlite (write one with 'neurotile run --out DIR' or 'neurotile sweep')");
        }
        List<RunResult> runs = new ArrayList<>();
        for (Path subdirectory : subdirectories) {
            runs.add(read(subdirectory));
        }
        runs.sort(Comparator.comparingInt(RunResult::ruleRank).thenComparing(RunResult::rule));
        return runs;
    }

    static RunResult read(Path directory) {
        Path file = directory.resolve("result.json");
        JsonNode result;
        try {
            result = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": not readable JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (!Files.exists(directory.resolve("counts.csv"))) {
            throw new InvalidInputException("run directory " + directory + ": counts.csv is missing (an incomplete run?)");
        }
        String workload = text(file, result, "config", "workload");
        String rule = text(file, result, "rule");
        long cycles = RunFiles.count(file, require(file, result, "cycles"), "cycles");
        JsonNode totalsNode = require(file, result, "totals");
        if (!totalsNode.isObject()) {
            throw new InvalidInputException(file + ": key 'totals' must be a mapping of counts, got " + totalsNode);
        }
        return new RunResult(directory, workload, rule, cycles, RunFiles.counts(file, totalsNode, "totals"), result);
    }

    /** One row of counts.csv: a tile's task of one layer and phase. */
    record TaskRow(int tile, int x, int y, int layer, String phase, long startCycles, long finishCycles,
                   Counts counts) {
        long sum(List<Category> categories) {
            long sum = 0;
            for (Category category : categories) {
                sum += counts.get(category);
            }
            return sum;
        }
    }

    /** One row of links.csv; coordinates are -1 for a router that is not a tile's. */
    record LinkRow(int fromX, int fromY, int toX, int toY, long bytes) {
    }

    /**
     * The rows of counts.csv; every cell is checked, and each category's column must sum to the
     * result's total, so a file cut short (rows missing) is refused rather than priced low.
     */
    List<TaskRow> tasks() {
        RunFiles.Csv table = RunFiles.Csv.read(directory.resolve("counts.csv"), TASK_COLUMNS);
        int[] columns = table.categoryColumns(TASK_COLUMNS.size());
        long[] sums = new long[Category.count()];
        List<TaskRow> rows = new ArrayList<>();
        for (int r = 1; r < table.lines(); r++) {
            long[] counts = new long[Category.count()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = table.count(r, columns[i]);
                sums[i] = RunFiles.sum(sums[i], counts[i]);
            }
            rows.add(new TaskRow(table.index(r, 0), table.index(r, 1), table.index(r, 2), table.index(r, 3),
                    table.cell(r, 4), table.count(r, 5), table.count(r, 6), Counts.of(counts)));
        }
        for (Category category : Category.values()) {
            table.requireSum(category.id(), sums[category.ordinal()], totals.get(category),
                    "result.json's totals." + category.id());
        }
        return rows;
    }


    /**
     * A breakdown of result.json ({@code byPhase}, {@code byLayer}): each group's counts under its
     * name, in the file's order; none where the file has no such key.
     */
    Map<String, Counts> breakdown(String key) {
        Path file = directory.resolve("result.json");
        JsonNode groups = result.path(key);
        if (groups.isMissingNode()) {
            return Map.of();
        }
        if (!groups.isObject()) {
            throw new InvalidInputException(file + ": key '" + key + "' must be a mapping of groups of counts, got "
                    + groups);
        }
        Map<String, Counts> counts = new LinkedHashMap<>();
        groups.fields().forEachRemaining(group -> counts.put(group.getKey(),
                RunFiles.counts(file, group.getValue(), key + "." + group.getKey())));
        return counts;
    }

    /** The NoC links' loads, empty where the run has none (the processor baseline). */
    List<LinkRow> links() {
        Path file = directory.resolve("links.csv");
        if (!Files.exists(file)) {
            return List.of();
        }
        List<LinkRow> rows = new ArrayList<>();
        RunFiles.Csv table = RunFiles.Csv.read(file, LINK_COLUMNS);
        long bytes = 0;
        for (int r = 1; r < table.lines(); r++) {
            rows.add(new LinkRow(table.coordinate(r, 3), table.coordinate(r, 4), table.coordinate(r, 5),
                    table.coordinate(r, 6), table.count(r, 7)));
            bytes = RunFiles.sum(bytes, rows.get(rows.size() - 1).bytes());
        }
        table.requireSum("bytes", bytes, totals.get(Category.NOC_BYTE_HOPS), "result.json's totals.nocByteHops");
        return rows;
    }

    /** What the energy pass needs of the chip this run used, with the words of its number formats. */
    EnergyPass.Chip energyChip() {
        JsonNode config = result.path("config");
        JsonNode chip = config.path("chip");
        int[] shape = arrayShape();
        Path file = directory.resolve("result.json");
        int wordBytes = (int) RunFiles.positive(file, chip, "wordBytes", 4, Integer.MAX_VALUE, "config.chip.");
        Map<Store, Integer> storeWordBytes = Map.of();
        JsonNode numbers = config.path("numbers");
        if (!numbers.isMissingNode()) {
            storeWordBytes = new NumberFormats(NumberFormat.parse("numbers.weights", numbers.path("weights").asText()),
                    NumberFormat.parse("numbers.activations", numbers.path("activations").asText()),
                    NumberFormat.parse("numbers.errors", numbers.path("errors").asText()))
                    .wordSizes(wordBytes).storeWordBytes();
        }
        // the processor's memory words are off chip (written as kind: processor, without tiles)
        OptionalLong localMemoryBytes = "processor".equals(chip.path("kind").asText()) ? OptionalLong.empty()
                : OptionalLong.of(RunFiles.positive(file, chip, "tileMemoryBytes", 0, Long.MAX_VALUE, "config.chip."));
        return new EnergyPass.Chip(localMemoryBytes, wordBytes, (long) shape[0] * shape[1], storeWordBytes);
    }

    /** What the energy pass needs of a chip whose memory words have {@code words}' sizes. */
    static EnergyPass.Chip energyChip(Chip chip, WordSizes words) {
        return new EnergyPass.Chip(chip.model().localMemoryBytes(), chip.spec().tile().wordBytes(),
                chip.topology().tileCount(), words.isUniform() ? Map.of() : words.storeWordBytes());
    }

    /** What the area model needs of the chip this run used. */
    AreaModel.Chip areaChip() {
        return ChipAreas.of(directory.resolve("result.json"), result.path("config").path("chip"));
    }

    /** Tiles holding any neuron of the run's mapping (in the footprint of files written before the key). */
    long tilesUsed() {
        Path file = directory.resolve("result.json");
        JsonNode footprint = result.path("footprint");
        return result.has("tilesUsed") ? RunFiles.positive(file, result, "tilesUsed", 1, Long.MAX_VALUE, "")
                : RunFiles.positive(file, footprint, "tilesUsed", 1, Long.MAX_VALUE, "footprint.");
    }

    /** The tile array's width and height, or 1x1 for the processor baseline. */
    int[] arrayShape() {
        JsonNode array = result.path("config").path("chip").path("array");
        if (array.isMissingNode()) {
            return new int[] {1, 1};
        }
        return RunFiles.arrayShape(directory.resolve("result.json"), array.asText());
    }

    private static String text(Path file, JsonNode node, String... path) {
        return require(file, node, path).asText();
    }

    private static JsonNode require(Path file, JsonNode node, String... path) {
        JsonNode current = node;
        for (String key : path) {
            current = current == null ? null : current.get(key);
        }
        if (current == null || current.isNull()) {
            throw new InvalidInputException(file + ": key '" + String.join(".", path) + "' is missing (not written by "
                    + "'neurotile run'?)");
        }
        return current;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
