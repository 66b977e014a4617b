package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Two output directories with the same files and contents, wall-clock seconds aside. */
final class SameOutput {
    private static final String SECONDS_JSON = "\"wallSeconds\" ?: ?[0-9.Ee+-]+";

    private SameOutput() {
    }

    static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<Path> files = relativeFiles(expected);
        assertEquals(files, relativeFiles(actual));
        for (Path file : files) {
            assertEquals(comparable(expected.resolve(file)), comparable(actual.resolve(file)), file.toString());
        }
    }

    /** What a command printed, with the epoch rows' seconds and the output directory masked. */
    static String printed(String out, Path directory) {
        return out.replace(directory.toString(), "OUT").replaceAll("(?m)^( *\\d+(?: +\\S+){5}) +\\S+$", "$1 S");
    }

    private static List<Path> relativeFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(directory::relativize).sorted().toList();
        }
    }

    private static String comparable(Path file) throws IOException {
        String text = Files.readString(file);
        if (file.getFileName().toString().equals("history.csv")) {
            int column = List.of(text.lines().findFirst().orElseThrow().split(",")).indexOf("wallSeconds");
            StringBuilder masked = new StringBuilder();
            text.lines().forEach(line -> {
                String[] cells = line.split(",", -1);
                cells[column] = "S";
                masked.append(String.join(",", cells)).append('\n');
            });
            return masked.toString();
        }
        return text.replaceAll(SECONDS_JSON, "\"wallSeconds\": S");
    }
}
