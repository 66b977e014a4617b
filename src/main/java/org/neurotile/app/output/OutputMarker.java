package org.neurotile.app.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.neurotile.sim.io.AtomicFiles;

/**
 * The file that says a directory is a neurotile output: which command made it and every file and
 * directory it wrote. neurotile replaces a directory only when the marker names the same command
 * and the directory holds nothing the marker does not list, so a user's file put inside an output
 * is never deleted. A subdirectory with a marker of its own (a run inside a compare output) is
 * listed as a whole and checked against its own marker.
 */
public final class OutputMarker {
    /** The marker's file name. */
    public static final String FILE = ".neurotile-output.json";

    /** What a marker says. */
    record Content(String command, String version, Set<String> entries) {}

    private OutputMarker() {
    }

    /**
     * Writes the marker of {@code directory}, listing what it holds now. Call it when every file of
     * the command is written.
     */
    public static void write(Path directory, String command) throws IOException {
        Set<String> entries = new TreeSet<>();
        list(directory, directory, entries);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", command);
        json.put("version", version());
        json.put("entries", new ArrayList<>(entries));
        AtomicFiles.writeUtf8(directory.resolve(FILE),
                writer -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(writer, json));
    }

    /** The marker of {@code directory}, or empty when it has none or an unreadable one. */
    static Optional<Content> read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            if (json == null || !json.path("command").isTextual() || !json.path("entries").isArray()) {
                return Optional.empty();
            }
            Set<String> entries = new TreeSet<>();
            json.path("entries").forEach(entry -> entries.add(entry.asText()));
            return Optional.of(new Content(json.path("command").asText(), json.path("version").asText(), entries));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * What {@code directory} holds that its marker does not list (relative paths, at most a few),
     * checking marked subdirectories against their own markers; empty when neurotile wrote all of it.
     */
    static List<String> foreignEntries(Path directory, Content marker) throws IOException {
        List<String> foreign = new ArrayList<>();
        collectForeign(directory, directory, marker.entries(), foreign);
        return foreign;
    }

    private static void collectForeign(Path root, Path directory, Set<String> entries, List<String> foreign)
            throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : (Iterable<Path>) children.sorted()::iterator) {
                String name = relative(root, child);
                if (child.equals(root.resolve(FILE)) || isBookkeeping(child.getFileName().toString())) {
                    continue;
                }
                boolean directoryChild = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
                if (!entries.contains(directoryChild ? name + "/" : name)) {
                    foreign.add(name);
                    continue;
                }
                if (!directoryChild) {
                    continue;
                }
                Optional<Content> own = read(child);
                if (own.isPresent()) {
                    List<String> inner = foreignEntries(child, own.get());
                    inner.forEach(entry -> foreign.add(name + "/" + entry));
                } else {
                    collectForeign(root, child, entries, foreign);
                }
            }
        }
    }

    /** The lock, staging and set-aside directories of an output written inside this one. */
    private static boolean isBookkeeping(String name) {
        return name.startsWith(".") && (name.endsWith(".neurotile-lock") || name.contains(".neurotile-staging-")
                || name.contains(".neurotile-replaced-"));
    }

    private static void list(Path root, Path directory, Set<String> entries) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                if (child.equals(root.resolve(FILE))) {
                    continue;
                }
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(relative(root, child) + "/");
                    if (read(child).isEmpty()) {
                        list(root, child, entries);
                    }
                } else {
                    entries.add(relative(root, child));
                }
            }
        }
    }

    private static String relative(Path root, Path child) {
        return root.relativize(child).toString().replace('\\', '/');
    }

    private static String version() {
        String version = OutputMarker.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
