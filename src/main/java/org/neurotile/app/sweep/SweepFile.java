package org.neurotile.app.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigFile;
import org.neurotile.sim.config.ConfigSection;
import org.neurotile.sim.config.ConfigValue;

/**
 * A sweep file: a {@code base:} configuration (the keys of a point, checked by the
 * {@link PointResolver}), the parameters to {@code vary:}, how they {@code combine:} (product or
 * zip) or a {@code sample:} design, and the {@code measures:} to keep (all when absent).
 *
 * @param name     the file as the user named it, which messages use
 * @param text     the file's text, kept in the database to tell sweeps apart
 * @param measures the measures to keep; empty: all
 */
public record SweepFile(String name, String text, ConfigSection base, List<Parameter> parameters, Design design,
                        List<String> measures, List<Integer> measureLines) {
    private static final List<String> KEYS = List.of("base", "vary", "combine", "sample", "measures");
    private static final List<String> SAMPLE_KEYS = List.of("design", "points", "seed");

    public SweepFile {
        parameters = List.copyOf(parameters);
        measures = List.copyOf(measures);
        measureLines = List.copyOf(measureLines);
    }

    /** Reads and checks {@code file}: every key, range and design (not yet the base's keys). */
    public static SweepFile load(Path file) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": file not found");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read it (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /** Parses the text of a sweep file that messages call {@code name}. */
    public static SweepFile parse(String text, String name) {
        ConfigSection root = ConfigFile.parse(text, name);
        root.requireOnlyKeys(KEYS);
        ConfigSection base = root.getSection("base");
        ConfigSection vary = root.getSection("vary");
        if (vary.keys().isEmpty()) {
            throw new InvalidInputException(name + ":" + root.lineOf("vary") + ": key 'vary' must name at least one "
                    + "parameter to vary, e.g. vary: {rule: [dfa, ssdfa]}");
        }
        List<Parameter> parameters = new ArrayList<>();
        for (String key : vary.keys()) {
            if (base.has(key)) {
                throw vary.invalid(key, "is set in base too (line " + base.lineOf(key) + "); a parameter is either "
                        + "fixed in base or varied");
            }
            parameters.add(Ranges.parse(vary, key));
        }
        Design design = design(root);
        List<String> measures = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (root.has("measures")) {
            if (!(root.value("measures").orElseThrow() instanceof ConfigValue.Sequence list) || list.items().isEmpty()) {
                throw root.invalid("measures", "must be a list of measure names (e.g. [cycles, energyPj]), or left "
                        + "out to keep every measure");
            }
            for (ConfigValue item : list.items()) {
                if (!(item instanceof ConfigValue.Scalar scalar) || !(scalar.value() instanceof String measure)) {
                    throw new InvalidInputException(name + ":" + item.line() + ": key 'measures' holds "
                            + item.describe() + " where a measure name belongs");
                }
                measures.add(measure);
                lines.add(item.line());
            }
        }
        SweepFile sweep = new SweepFile(name, text, base, parameters, design, measures, lines);
        sweep.points(); // an empty or oversized design is an error before anything runs
        return sweep;
    }

    private static Design design(ConfigSection root) {
        if (!root.has("sample")) {
            String combine = root.getChoice("combine", "product", List.of("product", "zip"));
            return combine.equals("zip") ? new Design.Zip() : new Design.Product();
        }
        if (root.has("combine")) {
            throw root.invalid("combine", "does not apply to a sampled design (sample:); give one of them");
        }
        ConfigSection sample = root.getSection("sample");
        sample.requireOnlyKeys(SAMPLE_KEYS);
        if (!sample.has("design")) {
            throw sample.invalid("design", "is missing: give random or latin-hypercube");
        }
        String design = sample.getChoice("design", "random", List.of("random", "latin-hypercube"));
        if (!sample.has("points")) {
            throw sample.invalid("points", "is missing: how many points to draw (1 to " + Design.MAX_POINTS + ")");
        }
        int points = sample.requireInt("points", 1, Design.MAX_POINTS);
        long seed = sample.getLong("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        return new Design.Sample(design.equals("latin-hypercube"), points, seed);
    }

    /** Each point's parameter values, in the order of {@link #parameters}. */
    public List<List<ConfigValue.Scalar>> points() {
        return design.points(name, parameters);
    }

    /** The configuration of a point: the base with its parameter values put in. */
    public ConfigSection configuration(List<ConfigValue.Scalar> point) {
        ConfigSection section = base;
        for (int j = 0; j < parameters.size(); j++) {
            section = section.with(parameters.get(j).name(), point.get(j));
        }
        return section;
    }

    /** The names of the varied parameters, the points table's parameter columns. */
    public List<String> parameterNames() {
        return parameters.stream().map(Parameter::name).toList();
    }

    /** SHA-256 of the file's text and the mode: what tells one sweep from another. */
    public String identity(String mode) {
        return sha256(text + "\n# mode: " + mode);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
