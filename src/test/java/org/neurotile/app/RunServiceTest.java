package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.neuron.math.Precision;
import org.neurotile.workloads.Workloads;

class RunServiceTest {
    @TempDir
    Path dir;

    @Test
    void aConfigBuiltWithoutTheCommandLineRunsAsTheCommandDoes() throws Exception {
        Path cliOut = dir.resolve("cli");
        CommandLineRunner cli = CommandLineRunner.run("run", "--compare", "bp,dfa,hybrid:p=0.5", "--mode", "functional",
                "--precision", "float64", "--array", "8x8", "--trace", "--seed", "3", "--out", cliOut.toString());
        assertEquals(0, cli.status(), cli.err());

        List<String> rules = List.of("bp", "dfa", "hybrid:p=0.5");
        RunConfig config = new RunConfig("mnist-fc", Workloads.resolve("mnist-fc"), rules, RunConfig.parse(rules, 3),
                true, TrainingServiceTest.chip("8x8"), null, true, 3, true, Precision.FLOAT64,
                RunConfig.DEFAULT_LEARNING_RATE, null, true);
        Path serviceOut = dir.resolve("service");
        StringWriter printed = new StringWriter();
        List<RunReport> reports = new RunService(new PrintWriter(printed, true), new PrintWriter(new StringWriter()),
                new MemoryCheck()).run(config, serviceOut);

        assertEquals(3, reports.size());
        SameOutput.assertSameFiles(cliOut, serviceOut);
        assertEquals(cli.out().replace(cliOut.toString(), "OUT"), printed.toString().replace(serviceOut.toString(), "OUT"));
    }
}
