package org.neurotile.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neurotile.sim.InvalidInputException;

/**
 * One rule's run as {@code neurotile run} wrote it: result.json, counts.csv and, on tile arrays,
 * links.csv and chip.json. A directory written with {@code --compare} holds one such directory per
 * rule.
 */
record RunResult(Path directory, String workload, String rule, long cycles, Map<String, Long> totals,
                 JsonNode result) {

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
                    + "subdirectories (write one with 'neurotile run --out DIR')");
        }
        List<RunResult> runs = new ArrayList<>();
        for (Path subdirectory : subdirectories) {
            runs.add(read(subdirectory));
        }
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
        long cycles = require(file, result, "cycles").asLong();
        Map<String, Long> totals = new LinkedHashMap<>();
        require(file, result, "totals").fields().forEachRemaining(e -> totals.put(e.getKey(), e.getValue().asLong()));
        return new RunResult(directory, workload, rule, cycles, totals, result);
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
