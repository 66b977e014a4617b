package org.neurotile.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigFile;
import org.neurotile.sim.config.ConfigSection;

/**
 * Where a table of prices (energy, area) comes from: a preset shipped as a resource, by name, or a
 * YAML file a user gives; both parsed by the table's own parser, which is given the origin to name
 * in its messages.
 *
 * @param kind        what the table prices, as messages name it, e.g. {@code energy}
 * @param presets     the presets' names
 * @param resourceDir the resources' folder, e.g. {@code /org/neurotile/reports/energy/}
 */
public record PresetTables<T>(String kind, List<String> presets, String resourceDir,
                              BiFunction<ConfigSection, String, T> parser) {

    public PresetTables {
        presets = List.copyOf(presets);
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
        String resource = resourceDir + name + ".yaml";
        try (InputStream in = PresetTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidInputException("unknown " + kind + " table '" + name + "' (presets: "
                        + String.join(", ", presets) + ")");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parser.apply(ConfigFile.parse(text, "preset " + name), "preset " + name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
