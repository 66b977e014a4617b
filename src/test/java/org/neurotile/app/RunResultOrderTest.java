package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultOrderTest {
    @TempDir
    Path dir;

    @Test
    void runsComeInTheRegistrysDisplayOrder() {
        Path runs = dir.resolve("runs");
        CommandLineRunner run = CommandLineRunner.run("run", "--array", "6x6", "--compare",
                "directional-dfa,fp:m=2,ssdfa,bp", "--out", runs.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("mnist-fc/bp", "mnist-fc/ssdfa", "mnist-fc/fp:m=2", "mnist-fc/directional-dfa"),
                RunResult.under(runs).stream().map(RunResult::key).toList());
    }
}
