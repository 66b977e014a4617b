package org.neurotile.app.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Paths compared as the file system sees them: absolute, normalised, symbolic links resolved. */
final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * The real path of {@code path}: its longest existing prefix with links resolved, then the rest.
     * Two spellings of one directory (a link, {@code ..}, a relative path) give the same result.
     */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        Path rest = absolute.getFileSystem().getPath("");
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }

    /** Whether one of the two paths is the other or lies inside it. */
    static boolean overlap(Path a, Path b) {
        return a.startsWith(b) || b.startsWith(a);
    }
}
