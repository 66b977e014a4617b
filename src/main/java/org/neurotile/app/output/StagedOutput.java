package org.neurotile.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.neurotile.sim.InvalidInputException;

/**
 * A command's output directory, written whole or not at all and never over a user's files.
 *
 * <p>{@link #open} refuses a target that is empty, the current or home directory or one holding
 * them, overlaps an input of the command, is a link, or exists without being this command's own
 * earlier output; then it locks the place against a second writer and removes what killed runs
 * left there. The command writes into {@link #directory()}, a staging sibling of the target;
 * {@link #commit()} marks it and moves it into place, replacing the earlier output. Closing without
 * a commit removes the staging directory and leaves the target as it was.
 */
public final class StagedOutput implements AutoCloseable {
    private static final String STAGING = ".neurotile-staging-";
    private static final String REPLACED = ".neurotile-replaced-";
    private static final Pattern STAGING_IN_PATH = Pattern.compile("(^|[/\\\\])\\.([^/\\\\]+)"
            + Pattern.quote(STAGING) + "[0-9a-f]{8}");

    private final String option;
    private final Path shown;
    private final Path target;
    private final String command;
    private final OutputLock lock;
    private final Path staging;
    private boolean committed;

    private StagedOutput(String option, Path shown, Path target, String command, OutputLock lock, Path staging) {
        this.option = option;
        this.shown = shown;
        this.target = target;
        this.command = command;
        this.lock = lock;
        this.staging = staging;
    }

    /**
     * Checks {@code target} for {@code command} (named by {@code option} in errors), locks it and
     * creates the staging directory. Inputs may contain nulls (options not given).
     */
    public static StagedOutput open(String option, Path target, String command, Collection<Path> inputs) {
        Path real = checkPlace(option, target, inputs);
        checkOwner(option, target, real, command);
        Path parent = real.getParent();
        String name = real.getFileName().toString();
        try {
            Files.createDirectories(parent);
        } catch (IOException | SecurityException e) {
            throw new InvalidInputException(option + " " + target + ": cannot create " + parent + " (" + reason(e) + ")");
        }
        OutputLock lock = lock(option, target, parent.resolve("." + name + ".neurotile-lock"));
        try {
            removeLeftovers(parent, name, real);
            checkOwner(option, target, real, command);
            Path staging = parent.resolve("." + name + STAGING + UUID.randomUUID().toString().substring(0, 8));
            Files.createDirectory(staging);
            return new StagedOutput(option, target, real, command, lock, staging);
        } catch (IOException | RuntimeException e) {
            closeQuietly(lock);
            if (e instanceof IOException io) {
                throw new InvalidInputException(option + " " + target + ": cannot write there (" + reason(io) + ")");
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * The path an option's value names when it is an existing file or directory (a network file, a
     * chip file, a data directory), to pass among the inputs of {@link #open}; null otherwise (a
     * catalog name, a preset).
     */
    public static Path input(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            Path path = Path.of(value);
            return Files.exists(path) ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * {@code path} with any staging directory in it named as the output it will become, so that a
     * message about a file being written names the file where the user will look for it.
     */
    public static String asFinal(String path) {
        return STAGING_IN_PATH.matcher(path).replaceAll("$1$2");
    }

    /** Where the command writes its files until {@link #commit()}. */
    public Path directory() {
        return staging;
    }

    /** The target as the user gave it, for messages. */
    public Path shown() {
        return shown;
    }

    /** A sibling of the target under the same lock, e.g. {@code OUT.checkpoint} for suffix ".checkpoint". */
    public Path sibling(String suffix) {
        return target.resolveSibling(target.getFileName() + suffix);
    }

    /** Marks the staged output as this command's and moves it into place, replacing an earlier output. */
    public void commit() throws IOException {
        OutputMarker.write(staging, command);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            try {
                checkOwner(option, shown, target, command);
            } catch (InvalidInputException e) {
                // Someone put a file into the earlier output while this command ran: keep both.
                Path kept = freeSibling();
                Files.move(staging, kept, StandardCopyOption.ATOMIC_MOVE);
                committed = true;
                throw new InvalidInputException(e.getMessage() + "; this output was written to " + kept
                        + " instead");
            }
            Path replaced = target.resolveSibling("." + target.getFileName() + REPLACED
                    + UUID.randomUUID().toString().substring(0, 8));
            Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(replaced);
        } else {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
    }

    /** The first of {@code TARGET-2}, {@code TARGET-3}, ... that does not exist. */
    private Path freeSibling() {
        for (int n = 2; ; n++) {
            Path candidate = target.resolveSibling(target.getFileName() + "-" + n);
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
    }

    @Override
    public void close() {
        try {
            if (!committed) {
                deleteTree(staging);
            }
        } catch (IOException | UncheckedIOException e) {
            // The next run into the same place removes what is left.
        } finally {
            closeQuietly(lock);
        }
    }

    /** Path-level refusals, before anything is touched; returns the real path of the target. */
    private static Path checkPlace(String option, Path target, Collection<Path> inputs) {
        if (target.toString().isEmpty()) {
            throw new InvalidInputException(option + " \"\": an empty path is the current directory; "
                    + "give a new directory or an earlier output of this command");
        }
        Path real = OutputPaths.real(target);
        if (real.getParent() == null || real.getFileName() == null) {
            throw new InvalidInputException(option + " " + target + ": is the root directory");
        }
        Path current = OutputPaths.real(Path.of(""));
        if (current.startsWith(real)) {
            throw new InvalidInputException(option + " " + target + ": is the current directory"
                    + (current.equals(real) ? "" : " or holds it") + "; give a new directory");
        }
        for (String home : new String[] {System.getProperty("user.home"), System.getenv("HOME")}) {
            if (home != null && !home.isEmpty() && OutputPaths.real(Path.of(home)).startsWith(real)) {
                throw new InvalidInputException(option + " " + target + ": is the home directory or holds it; "
                        + "give a new directory");
            }
        }
        for (Path input : inputs) {
            if (input != null && !input.toString().isEmpty() && OutputPaths.overlap(real, OutputPaths.real(input))) {
                throw new InvalidInputException(option + " " + target + ": overlaps " + input
                        + ", which this command also reads or writes; give a directory apart from it");
            }
        }
        if (Files.isSymbolicLink(target.toAbsolutePath().normalize())) {
            throw new InvalidInputException(option + " " + target + ": is a symbolic link; give the directory itself");
        }
        return real;
    }

    /** Refuses an existing target unless it is empty or this command's output holding only its own files. */
    private static void checkOwner(String option, Path shown, Path real, String command) {
        if (!Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException(option + " " + shown + ": exists and is not a directory");
        }
        try {
            Optional<OutputMarker.Content> marker = OutputMarker.read(real);
            if (marker.isEmpty()) {
                if (!isEmpty(real)) {
                    throw new InvalidInputException(option + " " + shown + ": exists and is not a neurotile output "
                            + "(no " + OutputMarker.FILE + "); neurotile replaces only its own outputs: give a new "
                            + "directory");
                }
                return;
            }
            if (!marker.get().command().equals(command)) {
                throw new InvalidInputException(option + " " + shown + ": holds the output of 'neurotile "
                        + marker.get().command() + "', not of '" + command + "'; give another directory");
            }
            List<String> foreign = OutputMarker.foreignEntries(real, marker.get());
            if (!foreign.isEmpty()) {
                throw new InvalidInputException(option + " " + shown + ": holds files neurotile did not write ("
                        + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                        + (foreign.size() > 3 ? ", ..." : "") + "); move them away or give another directory");
            }
        } catch (IOException e) {
            throw new InvalidInputException(option + " " + shown + ": cannot read the directory (" + reason(e) + ")");
        }
    }

    private static OutputLock lock(String option, Path shown, Path file) {
        try {
            return OutputLock.tryAcquire(file).orElseThrow(() -> new InvalidInputException(option + " " + shown
                    + ": another neurotile process is writing there (lock " + file.getFileName()
                    + "); wait for it to end or give another directory"));
        } catch (IOException e) {
            throw new InvalidInputException(option + " " + shown + ": cannot lock " + file + " (" + reason(e) + ")");
        }
    }

    /**
     * Removes staging directories of killed runs; an output a killed run had moved aside to replace
     * it is put back when nothing replaced it, else removed.
     */
    private static void removeLeftovers(Path parent, String name, Path target) throws IOException {
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, "." + name + ".neurotile-*-*")) {
            for (Path sibling : siblings) {
                String file = sibling.getFileName().toString();
                if (file.startsWith("." + name + STAGING)) {
                    deleteTree(sibling);
                } else if (file.startsWith("." + name + REPLACED)) {
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        deleteTree(sibling);
                    } else {
                        Files.move(sibling, target, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.findAny().isEmpty();
        }
    }

    /** Deletes a tree without following links. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private static String reason(Exception e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replace('\n', ' ');
    }

    private static void closeQuietly(OutputLock lock) {
        try {
            Objects.requireNonNull(lock).close();
        } catch (IOException e) {
            // Released by the operating system when the process ends.
        }
    }
}
