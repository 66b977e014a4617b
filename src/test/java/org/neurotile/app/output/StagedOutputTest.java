package org.neurotile.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.sim.InvalidInputException;

class StagedOutputTest {
    @TempDir
    Path dir;

    private static void write(Path target, String command, String file, String text) throws IOException {
        try (StagedOutput output = StagedOutput.open("--out", target, command, List.of())) {
            Files.writeString(output.directory().resolve(file), text);
            output.commit();
        }
    }

    private static String refusal(Path target, String command, List<Path> inputs) {
        return assertThrows(InvalidInputException.class,
                () -> StagedOutput.open("--out", target, command, inputs).close()).getMessage();
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".neurotile-lock"))
                    .sorted().toList();
        }
    }

    @Test
    void aUsersFileAddedWhileTheCommandRanKeepsBothOutputs() throws IOException {
        Path target = dir.resolve("out");
        write(target, "train", "history.csv", "first");
        try (StagedOutput output = StagedOutput.open("--out", target, "train", List.of())) {
            Files.writeString(output.directory().resolve("history.csv"), "second");
            Files.writeString(target.resolve("plot.py"), "mine");
            String message = assertThrows(InvalidInputException.class, output::commit).getMessage();
            assertTrue(message.endsWith("this output was written to " + dir.resolve("out-2") + " instead"), message);
        }
        assertEquals("first", Files.readString(target.resolve("history.csv")));
        assertEquals("mine", Files.readString(target.resolve("plot.py")));
        assertEquals("second", Files.readString(dir.resolve("out-2/history.csv")));
    }

    @Test
    void aFileInStagingIsNamedWhereItWillBe() {
        assertEquals("/data/out/report/charts/a.svg",
                StagedOutput.asFinal("/data/out/.report.neurotile-staging-9b4bc2e5/charts/a.svg"));
        assertEquals("report/index.html", StagedOutput.asFinal(".report.neurotile-staging-0a1b2c3d/index.html"));
        assertEquals("/data/.hidden/x", StagedOutput.asFinal("/data/.hidden/x"));
    }

    @Test
    void aNewDirectoryAppearsOnlyAtCommitWithItsMarker() throws IOException {
        Path target = dir.resolve("out");
        try (StagedOutput output = StagedOutput.open("--out", target, "run", List.of())) {
            Files.writeString(output.directory().resolve("result.json"), "{}");
            assertFalse(Files.exists(target), "nothing at the target before the commit");
            output.commit();
        }
        assertEquals("{}", Files.readString(target.resolve("result.json")));
        assertTrue(Files.readString(target.resolve(OutputMarker.FILE)).contains("\"command\" : \"run\""));
        assertEquals(List.of("out"), siblings(), "no staging directory left");
    }

    @Test
    void anEarlierOutputOfTheSameCommandIsReplacedWhole() throws IOException {
        Path target = dir.resolve("out");
        write(target, "run", "bp.json", "first");
        write(target, "run", "ssdfa.json", "second");
        assertFalse(Files.exists(target.resolve("bp.json")), "the first run's files are gone");
        assertEquals("second", Files.readString(target.resolve("ssdfa.json")));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void closingWithoutCommitLeavesTheEarlierOutputAsItWas() throws IOException {
        Path target = dir.resolve("out");
        write(target, "run", "result.json", "first");
        try (StagedOutput output = StagedOutput.open("--out", target, "run", List.of())) {
            Files.writeString(output.directory().resolve("result.json"), "half");
        }
        assertEquals("first", Files.readString(target.resolve("result.json")));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void aDirectoryNeurotileDidNotMakeIsRefused() throws IOException {
        UserFiles user = UserFiles.create(dir.resolve("thesis"));
        String message = refusal(user.root(), "report", List.of());
        assertTrue(message.contains("is not a neurotile output"), message);
        user.assertIntact();
    }

    @Test
    void anEmptyDirectoryMayBeWrittenInto() throws IOException {
        Path target = Files.createDirectory(dir.resolve("empty"));
        write(target, "noc", "noc.csv", "rate\n");
        assertEquals("rate\n", Files.readString(target.resolve("noc.csv")));
    }

    @Test
    void anotherCommandsOutputIsRefused() throws IOException {
        Path target = dir.resolve("out");
        write(target, "run", "result.json", "{}");
        String message = refusal(target, "report", List.of());
        assertTrue(message.contains("holds the output of 'neurotile run'"), message);
        assertEquals("{}", Files.readString(target.resolve("result.json")));
    }

    @Test
    void aUsersFilePutInsideAnEarlierOutputIsNeverDeleted() throws IOException {
        Path target = dir.resolve("out");
        write(target, "run", "result.json", "{}");
        Files.writeString(target.resolve("my-notes.txt"), "mine");
        String message = refusal(target, "run", List.of());
        assertTrue(message.contains("holds files neurotile did not write (my-notes.txt)"), message);
        assertEquals("mine", Files.readString(target.resolve("my-notes.txt")));
    }

    @Test
    void aMarkedSubdirectoryCountsAsNeurotilesOwn() throws IOException {
        Path target = dir.resolve("compare");
        try (StagedOutput output = StagedOutput.open("--out", target, "compare", List.of())) {
            Path run = Files.createDirectories(output.directory().resolve("runs/mnist-fc"));
            Files.writeString(run.resolve("result.json"), "{}");
            OutputMarker.write(run, "run");
            output.commit();
        }
        write(target.resolve("runs/mnist-fc"), "run", "counts.csv", "x");
        write(target, "compare", "report.html", "ok");
        assertEquals("ok", Files.readString(target.resolve("report.html")));
    }

    @Test
    void theEmptyPathIsRefusedBeforeAnythingIsTouched() {
        String message = refusal(Path.of(""), "train", List.of());
        assertTrue(message.startsWith("--out \"\": an empty path is the current directory"), message);
    }

    @Test
    void theCurrentDirectoryAndItsAncestorsAreRefused() {
        Path current = Path.of("").toAbsolutePath();
        assertTrue(refusal(Path.of("."), "train", List.of()).contains("is the current directory"));
        assertTrue(refusal(current, "train", List.of()).contains("is the current directory"));
        assertTrue(refusal(current.getParent(), "train", List.of()).contains("holds it"));
        assertTrue(refusal(current.getRoot(), "train", List.of()).contains("root directory"));
    }

    @Test
    void theHomeDirectoryIsRefused() throws IOException {
        Path home = Files.createDirectory(dir.resolve("home"));
        String previous = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            assertTrue(refusal(home, "run", List.of()).contains("is the home directory"));
        } finally {
            System.setProperty("user.home", previous);
        }
    }

    @Test
    void anOutputOverlappingAnInputIsRefused() throws IOException {
        Path run = dir.resolve("runs/x");
        write(run, "run", "result.json", "{}");
        assertTrue(refusal(run, "report", List.of(run)).contains("which this command also reads or writes"));
        assertTrue(refusal(dir.resolve("runs"), "report", List.of(run)).contains("which this command also reads or writes"));
        assertTrue(refusal(run.resolve("report"), "report", List.of(run)).contains("which this command also reads or writes"));
        assertTrue(refusal(dir.resolve("runs/../runs/x"), "report", List.of(run)).contains("which this command also reads or writes"));
        assertEquals("{}", Files.readString(run.resolve("result.json")));
    }

    @Test
    void aLinkIsRefusedAndItsTargetLeftAlone() throws IOException {
        Path real = dir.resolve("real");
        write(real, "run", "result.json", "{}");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        assertTrue(refusal(link, "run", List.of()).contains("is a symbolic link"));
        assertEquals("{}", Files.readString(real.resolve("result.json")));
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() throws IOException {
        Path target = dir.resolve("out");
        try (StagedOutput first = StagedOutput.open("--out", target, "train", List.of())) {
            String message = refusal(target, "train", List.of());
            assertTrue(message.contains("another neurotile process is writing there"), message);
            first.commit();
        }
        StagedOutput.open("--out", target, "train", List.of()).close();
    }

    @Test
    void leftoversOfAKilledRunAreRemovedByTheNextRun() throws IOException {
        Path staging = Files.createDirectories(dir.resolve(".out.neurotile-staging-1234abcd/sub"));
        Files.writeString(staging.resolve("partial.csv"), "half");
        write(dir.resolve("out"), "run", "result.json", "{}");
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void anOutputMovedAsideByAKilledReplacementIsPutBack() throws IOException {
        Path target = dir.resolve("out");
        write(target, "run", "result.json", "first");
        Files.move(target, dir.resolve(".out.neurotile-replaced-0000abcd"));
        StagedOutput.open("--out", target, "run", List.of()).close();
        assertEquals("first", Files.readString(target.resolve("result.json")));
        assertEquals(List.of("out"), siblings());
    }

    @Test
    void outputFilesGetTheUsualPermissionsNotPrivateOnes() throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        Path probeDirectory = Files.createDirectory(dir.resolve("probe-directory"));
        Path target = dir.resolve("out");
        write(target, "run", "result.json", "{}");
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(probe)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("result.json"))));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(probeDirectory)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aFileInThePlaceOfTheDirectoryIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("out"), "user data");
        assertTrue(refusal(file, "run", List.of()).contains("exists and is not a directory"));
        assertEquals("user data", Files.readString(file));
    }
}
