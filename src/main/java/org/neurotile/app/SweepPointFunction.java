package org.neurotile.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurotile.app.sweep.Measures;
import org.neurotile.app.sweep.PointFunction;
import org.neurotile.app.sweep.PointRow;
import org.neurotile.app.sweep.ResolvedPoint;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.CountSummary;
import org.neurotile.neuron.math.WordSizes;
import org.neurotile.neuron.plan.MappingDoesNotFitException;
import org.neurotile.neuron.train.EpochResult;
import org.neurotile.neuron.train.Trainer;
import org.neurotile.reports.energy.Energy;
import org.neurotile.reports.energy.EnergyKind;
import org.neurotile.reports.energy.EnergyPass;
import org.neurotile.sim.config.ConfigFile;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.data.DataSelection;

/**
 * A sweep point's work, from its resolved configuration alone: one example on the chip counted
 * and priced ({@code count}), or also trained for its epochs ({@code train}). The measures are every
 * total of the example's result.json, its energy per example by kind, and for training the final
 * epoch's losses and accuracies. A network that does not fit is an infeasible row; any other
 * failure a failed row with its one-line reason.
 */
record SweepPointFunction(String mode) implements PointFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public PointRow evaluate(ResolvedPoint point) {
        try {
            SweepPointConfig config = SweepPointConfig.read(ConfigFile.parse(point.configJson(),
                    "point " + point.index()), mode);
            return PointRow.ok(point.index(), measures(config));
        } catch (MappingDoesNotFitException e) {
            return PointRow.infeasible(point.index(), e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return PointRow.failed(point.index(), Failures.describe(e).orElse(e.toString()));
        }
    }

    static List<PointRow.Measure> measures(SweepPointConfig config) {
        Chip chip = config.chip();
        WordSizes words = config.numbers().wordSizes(chip.spec().tile().wordBytes());
        int batch = config.batch();
        boolean biases = config.train() == null ? config.biases() : config.train().biases();
        Chip.Example example = chip.run(config.network(), config.rule(), biases, config.optimizerCost(), words, batch,
                TraceRecorder.disabled());
        RunReport report = new RunReport(config.rule().spec(), example, null, chip);
        List<PointRow.Measure> measures = new ArrayList<>(Measures.of(report.result(Map.of())));
        CountSummary perBatch = CountSummary.ofBatch(example, example.movedWordBytes());
        Energy energy = new EnergyPass(config.energyTable(), RunResult.energyChip(chip, words))
                .total(perBatch.totals(), perBatch.cycles());
        measures.add(perExample("cyclesPerExample", perBatch.cycles(), batch));
        measures.add(new PointRow.Measure("energyPerExamplePj", energy.totalPj() / batch));
        for (EnergyKind kind : EnergyKind.values()) {
            String id = kind.id();
            measures.add(new PointRow.Measure(id.substring(0, 1).toLowerCase(Locale.ROOT) + id.substring(1)
                    + "EnergyPerExamplePj", energy.pj(kind) / batch));
        }
        if (config.train() != null) {
            measures.addAll(training(config.train()));
        }
        return measures;
    }

    private static PointRow.Measure perExample(String name, long perBatch, int batch) {
        return batch == 1 ? new PointRow.Measure(name, perBatch) : new PointRow.Measure(name, (double) perBatch / batch);
    }

    /** Trains and reports the last epoch, and the best test accuracy of any epoch. */
    private static List<PointRow.Measure> training(TrainConfig train) {
        DataSelection.Examples split = train.data().load(train.network());
        List<EpochResult> history = new Trainer(train.trainerSettings()).train(split.train(), split.test(),
                new Trainer.Listener() { });
        EpochResult last = history.get(history.size() - 1);
        double best = history.stream().mapToDouble(EpochResult::testAccuracy).max().orElse(Double.NaN);
        return List.of(new PointRow.Measure("trainLoss", last.trainLoss()),
                new PointRow.Measure("trainAccuracy", last.trainAccuracy()),
                new PointRow.Measure("testLoss", last.testLoss()),
                new PointRow.Measure("testAccuracy", last.testAccuracy()),
                new PointRow.Measure("bestTestAccuracy", best));
    }
}
