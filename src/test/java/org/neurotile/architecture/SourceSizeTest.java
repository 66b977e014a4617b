package org.neurotile.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Small files: a source file past 400 lines is asking to be split by concern (architecture.md). */
class SourceSizeTest {
    private static final int MAX_LINES = 400;
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void noMainSourceFileIsOver400Lines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(ROOT)) {
            tooLong = files.filter(SourceSizeTest::isMainSource).filter(SourceSizeTest::tooLong)
                    .map(path -> ROOT.relativize(path) + " (" + lines(path) + " lines)").sorted().toList();
        }
        assertEquals(List.of(), tooLong);
    }

    private static boolean isMainSource(Path path) {
        String text = path.toString().replace('\\', '/');
        return text.endsWith(".java") && text.contains("/main/java/") && !text.contains("/target/");
    }

    private static boolean tooLong(Path path) {
        return lines(path) > MAX_LINES;
    }

    private static long lines(Path path) {
        try (Stream<String> lines = Files.lines(path)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
