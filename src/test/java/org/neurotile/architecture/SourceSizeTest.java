package org.neurotile.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Small files: a source file past 400 lines is asking to be split by concern (architecture.md). */
class SourceSizeTest {
    private static final int MAX_LINES = 400;

    @Test
    void noMainSourceFileIsOver400Lines() {
        List<String> tooLong = MainSources.all().stream()
                .filter(path -> lines(MainSources.text(path)) > MAX_LINES)
                .map(path -> MainSources.relative(path) + " (" + lines(MainSources.text(path)) + " lines)")
                .toList();
        assertEquals(List.of(), tooLong);
    }

    private static long lines(String text) {
        return text.lines().count();
    }
}
