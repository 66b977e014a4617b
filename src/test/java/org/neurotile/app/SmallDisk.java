package org.neurotile.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A tiny tmpfs mounted for a test, to fill a disk for real; the test is skipped where mounting is not
 * allowed (not root, not Linux). {@code options} are mount options, e.g. {@code size=64k} or
 * {@code ro}.
 */
record SmallDisk(Path directory) implements AutoCloseable {

    static SmallDisk mount(Path directory, String options) throws IOException, InterruptedException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "tmpfs needs Linux");
        Files.createDirectories(directory);
        assumeTrue(command("mount", "-t", "tmpfs", "-o", options, "tmpfs", directory.toString()) == 0,
                "cannot mount a tmpfs here (not root?)");
        return new SmallDisk(directory);
    }

    /** Files under the disk, relative, sorted: what a failed command left behind. */
    /** What the disk holds, but for the lock files of output places (they stay by design). */
    String contents() throws IOException {
        try (var paths = Files.walk(directory)) {
            return paths.filter(p -> !p.equals(directory) && !p.getFileName().toString().endsWith(".neurotile-lock"))
                    .map(p -> directory.relativize(p).toString()).sorted()
                    .toList().toString();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            command("umount", directory.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int command(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
