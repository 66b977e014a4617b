package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.noc.RouterKind;
import org.neurotile.noc.traffic.LoadPoint;

class NocServiceTest {
    @TempDir
    Path dir;

    @Test
    void settingsBuiltWithoutTheCommandLineRunAsTheCommandDoes() throws Exception {
        Path cliOut = dir.resolve("cli");
        CommandLineRunner cli = CommandLineRunner.run("noc", "--topology", "torus:4x4", "--traffic", "all-to-all",
                "--rates", "0.01,0.02", "--warmup", "200", "--measure", "2000", "--router", "vc", "--stats", "--out",
                cliOut.toString());
        assertEquals(0, cli.status(), cli.err());

        NocSettingsBuilder builder = new NocSettingsBuilder();
        builder.topology = "torus:4x4";
        builder.traffic = "all-to-all";
        builder.rates = List.of(0.01, 0.02);
        builder.warmupCycles = 200;
        builder.measureCycles = 2000;
        builder.router = RouterKind.byName("vc");
        Path serviceOut = dir.resolve("service");
        StringWriter printed = new StringWriter();
        List<LoadPoint> points = new NocService(new PrintWriter(printed, true), new PrintWriter(new StringWriter()),
                new MemoryCheck()).run(builder.build(), null, serviceOut, true);

        assertEquals(2, points.size());
        SameOutput.assertSameFiles(cliOut, serviceOut);
        assertEquals(cli.out().replace(cliOut.toString(), "OUT"), printed.toString().replace(serviceOut.toString(), "OUT"));
    }
}
