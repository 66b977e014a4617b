package org.neurotile.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neurotile.app.sweep.PointFunction;
import org.neurotile.app.sweep.PointResolver;
import org.neurotile.app.sweep.PointRow;
import org.neurotile.app.sweep.ResolvedPoint;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.plan.MappingDoesNotFitException;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.reports.energy.EnergyTable;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigSection;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

/** The points of a sweep in count or train mode: their keys read and checked, and the function that runs them. */
final class SweepPoints implements PointResolver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String mode;

    SweepPoints(String mode) {
        if (!mode.equals(SweepPointConfig.COUNT) && !mode.equals(SweepPointConfig.TRAIN)) {
            throw new InvalidInputException("--mode " + mode + " is not one of: count, train");
        }
        this.mode = mode;
    }

    @Override
    public ResolvedPoint resolve(int index, ConfigSection configuration) {
        SweepPointConfig config = SweepPointConfig.read(configuration, mode);
        Chip chip = config.chip();
        try {
            chip.requireRuns(config.network(), config.rule(), config.optimizerCost(),
                    config.numbers().wordSizes(chip.spec().tile().wordBytes()), config.batch());
        } catch (MappingDoesNotFitException e) {
            // a point that cannot exist: recorded as infeasible when it runs
        } catch (InvalidInputException e) {
            throw new InvalidInputException(configuration.file() + ":" + configuration.lineOf("rule") + ": point "
                    + index + " (" + config.rule().spec() + " on " + config.workload() + "): " + e.getMessage());
        }
        try {
            return ResolvedPoint.of(index, JSON.writeValueAsString(config.resolved()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a configuration of strings and numbers is JSON", e);
        }
    }

    /** The measures of a small network's example on the default chip: the same names as any point's. */
    @Override
    public List<String> measureNames() {
        NetworkSpec probe = new NetworkSpec("probe", 4, List.of(Dense.of(4, Activation.RELU),
                Dense.of(2, Activation.IDENTITY)));
        SweepPointConfig config = new SweepPointConfig(SweepPointConfig.COUNT, "probe", probe,
                LearningRules.parse(LearningRules.DEFAULT_RULE, 1), 1, true, TrainConfig.DEFAULT_ENERGY,
                EnergyTable.resolve(TrainConfig.DEFAULT_ENERGY), NumberFormats.FLOAT32, new Chip(ChipSpec.DEFAULTS),
                null, Map.of());
        List<String> names = new ArrayList<>(SweepPointFunction.measures(config).stream().map(PointRow.Measure::name)
                .toList());
        if (mode.equals(SweepPointConfig.TRAIN)) {
            names.addAll(List.of("trainLoss", "trainAccuracy", "testLoss", "testAccuracy", "bestTestAccuracy"));
        }
        return names;
    }

    @Override
    public PointFunction function() {
        return new SweepPointFunction(mode);
    }
}
