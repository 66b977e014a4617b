package org.neurotile.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.neurotile.neuron.chip.CountSummary;
import org.neurotile.neuron.rules.StepMix;
import org.neurotile.neuron.train.EpochResult;
import org.neurotile.reports.energy.Energy;
import org.neurotile.reports.energy.EnergyKind;
import org.neurotile.sim.io.AtomicFiles;

/**
 * history.csv and history.json of a training run: each epoch's losses and accuracies beside what an
 * example (and, with minibatches, a batch) costs on the chip. A hybrid run's cost is, per epoch, the
 * mix of its feedback and bp steps in the proportion it drew.
 */
final class TrainingHistory {
    private TrainingHistory() {
    }

    /** The simulated cost of one batch of a kind of step, and its energy. */
    record Step(CountSummary perBatch, Energy energy) {
    }

    /** What an example or a batch costs: counts whole where they divide evenly, else decimals. */
    record Cost(Number cycles, Map<String, Number> counts, double energyPj, Map<String, Double> energyByKind) {

        /** A batch's cost divided by {@code divisor} (1: the batch itself). */
        static Cost of(Step step, int divisor) {
            return mix(step, step, 0, 1, divisor);
        }

        /**
         * The mean cost of n batches, k of them {@code other} and the rest {@code step}, divided by
         * {@code divisor}: counts from the exact sum, so a whole mean prints whole.
         */
        static Cost mix(Step step, Step other, long k, long n, int divisor) {
            Map<String, Number> counts = new LinkedHashMap<>();
            step.perBatch().totals().forEach((category, count) -> counts.put(category.id(),
                    mean(count, other.perBatch().totals().get(category), k, n, divisor)));
            double share = (double) k / n;
            Map<String, Double> byKind = new LinkedHashMap<>();
            for (EnergyKind kind : EnergyKind.values()) {
                byKind.put(kind.id() + "Pj", ((1 - share) * step.energy().pj(kind) + share * other.energy().pj(kind))
                        / divisor);
            }
            double energyPj = ((1 - share) * step.energy().totalPj() + share * other.energy().totalPj()) / divisor;
            return new Cost(mean(step.perBatch().cycles(), other.perBatch().cycles(), k, n, divisor), counts,
                    energyPj, byKind);
        }

        Map<String, Object> json() {
            Map<String, Object> cost = new LinkedHashMap<>();
            cost.put("cycles", cycles);
            cost.put("counts", counts);
            cost.put("energyPj", energyPj);
            cost.put("energyByKind", energyByKind);
            return cost;
        }

        /** ((n - k) a + k b) / (n * divisor). */
        private static Number mean(long a, long b, long k, long n, int divisor) {
            return divided((n - k) * a + k * b, n * divisor);
        }
    }

    /** {@code value / divisor}: whole when the divisor divides it, else a decimal. */
    static Number divided(long value, long divisor) {
        return value % divisor == 0 ? (Number) (value / divisor) : (Number) ((double) value / divisor);
    }

    /** Hybrid's bp step and, per epoch, how many examples and batches took it. */
    record Hybrid(String stepName, Step bp, Map<Integer, StepMix.Drawn> drawn, int examples, int batches) {
        long bpExamples(int epoch) {
            return drawn.get(epoch).otherExamples();
        }

        long bpBatches(int epoch) {
            return drawn.get(epoch).otherSteps();
        }
    }

    /** Writes both files; {@code step} is the rule's (for hybrid: its feedback step's) batch. */
    static void write(Path directory, List<EpochResult> history, Step step, int batch, Optional<Hybrid> hybrid,
                      Map<String, Object> config) throws IOException {
        write(directory, history, step, batch, hybrid, false, config);
    }

    /**
     * As above; with {@code clipping}, each epoch also says how many examples had their gradient
     * clipped. A null {@code step} is a network the chip cannot cost: the files then have no cost.
     */
    static void write(Path directory, List<EpochResult> history, Step step, int batch, Optional<Hybrid> hybrid,
                      boolean clipping, Map<String, Object> config) throws IOException {
        if (step == null) {
            writeUncosted(directory, history, clipping, config);
            return;
        }
        Cost example = Cost.of(step, batch);
        Cost batchCost = Cost.of(step, 1);
        List<String> categories = new ArrayList<>(example.counts().keySet());
        StringBuilder csv = new StringBuilder(ACCURACY_COLUMNS + ",cyclesPerExample,energyPjPerExample");
        for (String category : categories) {
            csv.append(',').append(category).append("PerExample");
        }
        if (batch > 1) {
            csv.append(",batch,cyclesPerBatch,energyPjPerBatch");
            for (String category : categories) {
                csv.append(',').append(category).append("PerBatch");
            }
        }
        if (hybrid.isPresent()) {
            csv.append(",bpExamples");
        }
        List<Integer> aligned = history.isEmpty() ? List.of()
                : new ArrayList<>(history.get(0).updateAngleDegrees().keySet());
        List<Integer> fedBack = history.isEmpty() ? List.of()
                : new ArrayList<>(history.get(0).feedbackAngleDegrees().keySet());
        for (int layer : aligned) {
            csv.append(",updateAngleDegLayer").append(layer);
        }
        for (int layer : fedBack) {
            csv.append(",feedbackAngleDegLayer").append(layer);
        }
        if (clipping) {
            csv.append(",clippedExamples");
        }
        csv.append('\n');
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (EpochResult r : history) {
            Cost perExample = hybrid.map(h -> Cost.mix(step, h.bp(), h.bpExamples(r.epoch()), h.examples(), batch))
                    .orElse(example);
            Cost perBatch = hybrid.map(h -> Cost.mix(step, h.bp(), h.bpBatches(r.epoch()), h.batches(), 1))
                    .orElse(batchCost);
            csv.append(accuracyCsv(r)).append(',').append(csvNumber(perExample.cycles())).append(',')
                    .append(perExample.energyPj());
            for (String category : categories) {
                csv.append(',').append(csvNumber(perExample.counts().get(category)));
            }
            if (batch > 1) {
                csv.append(',').append(batch).append(',').append(csvNumber(perBatch.cycles())).append(',')
                        .append(perBatch.energyPj());
                for (String category : categories) {
                    csv.append(',').append(csvNumber(perBatch.counts().get(category)));
                }
            }
            hybrid.ifPresent(h -> csv.append(',').append(h.bpExamples(r.epoch())));
            for (int layer : aligned) {
                csv.append(',').append(r.updateAngleDegrees().getOrDefault(layer, Double.NaN));
            }
            for (int layer : fedBack) {
                csv.append(',').append(r.feedbackAngleDegrees().getOrDefault(layer, Double.NaN));
            }
            if (clipping) {
                csv.append(',').append(r.clippedExamples());
            }
            csv.append('\n');
            Map<String, Object> epoch = accuracy(r);
            if (hybrid.isPresent()) {
                epoch.put("bpExamples", hybrid.get().bpExamples(r.epoch()));
                epoch.put("costPerExample", perExample.json());
            }
            if (clipping) {
                epoch.put("clippedExamples", r.clippedExamples());
            }
            if (!r.updateAngleDegrees().isEmpty()) {
                epoch.put("updateAngleDegrees", r.updateAngleDegrees());
                epoch.put("feedbackAngleDegrees", r.feedbackAngleDegrees());
            }
            epochs.add(epoch);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("config", config);
        if (hybrid.isPresent()) {
            Map<String, Object> bySteps = new LinkedHashMap<>();
            bySteps.put("feedback", example.json());
            bySteps.put(hybrid.get().stepName(), Cost.of(hybrid.get().bp(), batch).json());
            json.put("costPerExampleByStep", bySteps);
        } else {
            json.put("costPerExample", example.json());
        }
        if (batch > 1) {
            Map<String, Object> perBatchCost = new LinkedHashMap<>();
            perBatchCost.put("batch", batch);
            if (hybrid.isPresent()) {
                perBatchCost.put("feedback", batchCost.json());
                perBatchCost.put(hybrid.get().stepName(), Cost.of(hybrid.get().bp(), 1).json());
            } else {
                perBatchCost.putAll(batchCost.json());
            }
            json.put("costPerBatch", perBatchCost);
        }
        json.put("epochs", epochs);
        writeFiles(directory, csv, json);
    }

    private static final String ACCURACY_COLUMNS = "epoch,learningRate,trainLoss,trainAccuracy,testLoss,testAccuracy,"
            + "wallSeconds";

    /** An epoch's first seven columns of history.csv ({@link #ACCURACY_COLUMNS}). */
    private static String accuracyCsv(EpochResult r) {
        return String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%.3f", r.epoch(), r.learningRate(), r.trainLoss(),
                r.trainAccuracy(), r.testLoss(), r.testAccuracy(), r.wallSeconds());
    }

    /** An epoch's learning as history.json has it. */
    private static Map<String, Object> accuracy(EpochResult r) {
        Map<String, Object> epoch = new LinkedHashMap<>();
        epoch.put("epoch", r.epoch());
        epoch.put("learningRate", r.learningRate());
        epoch.put("trainLoss", r.trainLoss());
        epoch.put("trainAccuracy", r.trainAccuracy());
        epoch.put("testLoss", r.testLoss());
        epoch.put("testAccuracy", r.testAccuracy());
        epoch.put("wallSeconds", r.wallSeconds());
        return epoch;
    }

    /** The learning alone: history.json says {@code "costPerExample": null} (the chip has no cost model for it). */
    private static void writeUncosted(Path directory, List<EpochResult> history, boolean clipping,
                                      Map<String, Object> config) throws IOException {
        StringBuilder csv = new StringBuilder(ACCURACY_COLUMNS).append(clipping ? ",clippedExamples\n" : "\n");
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (EpochResult r : history) {
            csv.append(accuracyCsv(r));
            csv.append(clipping ? "," + r.clippedExamples() + "\n" : "\n");
            Map<String, Object> epoch = accuracy(r);
            if (clipping) {
                epoch.put("clippedExamples", r.clippedExamples());
            }
            epochs.add(epoch);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("config", config);
        json.put("costPerExample", null);
        json.put("epochs", epochs);
        writeFiles(directory, csv, json);
    }

    private static void writeFiles(Path directory, StringBuilder csv, Map<String, Object> json) throws IOException {
        AtomicFiles.writeUtf8(directory.resolve("history.csv"), writer -> writer.write(csv.toString()));
        AtomicFiles.writeUtf8(directory.resolve("history.json"), writer -> new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT).writeValue(writer, json));
    }

    private static String csvNumber(Number value) {
        return value instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : value.toString();
    }
}
