package org.neurotile.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The main Java sources of every module, found under each module's source root only (never under
 * target/, where a running build creates and removes files while the tests walk).
 */
final class MainSources {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private MainSources() {
    }

    /** Every .java file below {@code <module>/src/main/java} (the application's: {@code src/main/java}). */
    static List<Path> all() {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                for (Path root : List.of(module.resolve("src/main/java"), module.resolve("main/java"))) {
                    if (Files.isDirectory(root)) {
                        try (Stream<Path> walk = Files.walk(root)) {
                            walk.filter(path -> path.toString().endsWith(".java")).sorted().forEach(files::add);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.stream().noneMatch(path -> path.endsWith("org/neurotile/app/Main.java"))) {
            throw new IllegalStateException("the main sources are not below " + ROOT + ": the checks would see nothing");
        }
        return files;
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path file) {
        return ROOT.relativize(file).toString().replace('\\', '/');
    }
}
