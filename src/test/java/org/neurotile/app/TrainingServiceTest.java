package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.train.EpochResult;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.reports.energy.EnergyTable;
import org.neurotile.workloads.Workloads;
import org.neurotile.workloads.data.DataSelection;

class TrainingServiceTest {
    @TempDir
    Path dir;

    static Chip chip(String array) {
        ChipSpec d = ChipSpec.DEFAULTS;
        return new Chip(new ChipSpec(Topologies.parseArray(array), d.topology(), d.network(), d.tile(), d.mapping()));
    }

    @Test
    void aConfigBuiltWithoutTheCommandLineTrainsAsTheCommandDoes() throws IOException {
        Path cliOut = dir.resolve("cli");
        CommandLineRunner cli = CommandLineRunner.run("train", "--rule", "hybrid:p=0.1", "--optimizer", "momentum",
                "--batch", "4", "--train-examples", "300", "--test-examples", "100", "--epochs", "2", "--array", "8x8",
                "--out", cliOut.toString());
        assertEquals(0, cli.status(), cli.err());

        TrainConfig config = new TrainConfig("mnist-fc", Workloads.resolve("mnist-fc"), LearningRules.parse("hybrid:p=0.1", 1),
                new DataSelection(DataSelection.CLUSTERS, null, OptionalInt.of(300), OptionalInt.of(100), 1), 2, 4,
                Optimizer.Settings.of(OptimizerCost.MOMENTUM), Optimizer.Settings.DEFAULT_LEARNING_RATE, 1,
                Precision.FLOAT32, NumberFormats.FLOAT32, 1, true, chip("8x8"), null, "45nm", EnergyTable.resolve("45nm"),
                false, 0, false);
        Path serviceOut = dir.resolve("service");
        StringWriter printed = new StringWriter();
        List<EpochResult> history = new TrainingService(new PrintWriter(printed, true),
                new PrintWriter(new StringWriter()), new MemoryCheck()).train(config, serviceOut);

        assertEquals(2, history.size());
        SameOutput.assertSameFiles(cliOut, serviceOut);
        assertEquals(SameOutput.printed(cli.out(), cliOut), SameOutput.printed(printed.toString(), serviceOut));
    }
}
