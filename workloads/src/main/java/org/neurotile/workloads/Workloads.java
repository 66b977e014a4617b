package org.neurotile.workloads;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.neurotile.sim.InvalidInputException;

/** Finds the network a user names: a catalog name or a network file. */
public final class Workloads {
    /** The file name endings read as network files. */
    public static final List<String> FILE_EXTENSIONS = List.of(".yaml", ".yml", ".json");

    private Workloads() {}

    /** A catalog name such as {@code mnist-fc}, or a path to a .yaml, .yml or .json network file. */
    public static NetworkSpec resolve(String nameOrFile) {
        if (NetworkCatalog.contains(nameOrFile)) {
            return NetworkCatalog.get(nameOrFile);
        }
        final String lower = nameOrFile.toLowerCase(Locale.ROOT);
        if (FILE_EXTENSIONS.stream().anyMatch(lower::endsWith)) {
            try {
                return NetworkSpecs.load(Path.of(nameOrFile));
            } catch (InvalidPathException e) {
                throw new InvalidInputException("network file '" + nameOrFile + "' is not a valid path: "
                        + e.getReason());
            }
        }
        throw new InvalidInputException("unknown network '" + nameOrFile + "': expected a catalog name ("
                + String.join(", ", NetworkCatalog.names()) + ") or a network file ending in "
                + String.join(", ", FILE_EXTENSIONS));
    }
}
