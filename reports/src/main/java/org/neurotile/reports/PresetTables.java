package org.neurotile.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigFile;
import org.neurotile.sim.config.ConfigSection;

/**
 * Where a table of prices (energy, area) comes from: a preset shipped as a resource, by name, or a
 * YAML file a user gives; both parsed by the table's own parser, which is given the origin to name
 * in its messages. The presets are parsed once, when the tables are made (a sweep asks for them at
 * every point); the tables are immutable, so every caller may share them.
 *
 * @param <T> the table type, immutable
 */
public final class PresetTables<T> {
    private final String kind;
    private final List<String> presets;
    private final BiFunction<ConfigSection, String, T> parser;
    private final Map<String, T> parsed;

    /**
     * @param kind        what the table prices, as messages name it, e.g. {@code energy}
     * @param presets     the presets' names
     * @param resourceDir the resources' folder, e.g. {@code /org/neurotile/reports/energy/}
     * @param parser      a table from its configuration and its origin's name
     */
    public PresetTables(String kind, List<String> presets, String resourceDir,
                        BiFunction<ConfigSection, String, T> parser) {
        this.kind = kind;
        this.presets = List.copyOf(presets);
        this.parser = parser;
        Map<String, T> tables = new LinkedHashMap<>();
        for (String name : this.presets) {
            tables.put(name, parse(resourceDir + name + ".yaml", name));
        }
        this.parsed = Map.copyOf(tables);
    }

    /** A preset by name, or a YAML file. */
    public T resolve(String nameOrFile) {
        if (presets.contains(nameOrFile)) {
            return preset(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(kind + " table '" + nameOrFile + "': not a preset ("
                    + String.join(", ", presets) + ") and no such file");
        }
        return parser.apply(ConfigFile.load(file), file.toString());
    }

    public T preset(String name) {
        T table = parsed.get(name);
        if (table == null) {
            throw new InvalidInputException("unknown " + kind + " table '" + name + "' (presets: "
                    + String.join(", ", presets) + ")");
        }
        return table;
    }

    private T parse(String resource, String name) {
        try (InputStream in = PresetTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the preset " + kind + " table " + resource + " is not in the jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parser.apply(ConfigFile.parse(text, "preset " + name), "preset " + name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
