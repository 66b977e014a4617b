package org.neurotile.fuzz;

import java.util.List;
import org.neurotile.sim.InvalidInputException;

/**
 * Finding classes that the fuzz targets reach but whose fixes belong to other parts of issue #10;
 * the targets stay in place and let exactly these through. Remove an entry when its fix is merged:
 * the targets then check those inputs like any other.
 */
public final class KnownFindings {
    /**
     * Rule specs (part 2, one validation pass, owns ChipRules): a refusal that quotes a long spec
     * whole, e.g. {@code "unknown rule '[[[...'"} with 10,000 characters.
     */
    public static final List<KnownFinding> RULE_OPTIONS = List.of(
            // sdfa:k=40 on a network with 4 outputs: IllegalArgumentException "connections must be in 1..4"
            new KnownFinding("rule-option-outside-network", "part 2", thrown -> KnownFinding.thrownIn(thrown,
                    IllegalArgumentException.class, "org.neurotile.neuron.chip.")),
            new KnownFinding("rule-spec-quoted-whole", "part 2", thrown -> thrown instanceof InvalidInputException
                    && thrown.getMessage().length() > ParserOracle.MAX_MESSAGE_CHARS
                    && KnownFinding.thrownIn(thrown, InvalidInputException.class, "org.neurotile.neuron.chip.ChipRules")));

    /**
     * Rule specs that repeat an option (part 2, duplicate keys): accepted, the last value winning,
     * and hybrid's printed spec then does not parse again, e.g.
     * {@code hybrid:p=0.1,gamma=0.hybrid:p=31,gamma=0.0.1,gamma=0.3,step=b=3,step=bp} prints
     * {@code ...gamma=0.3=3}. The rule target skips its round trip for such specs.
     */
    public static boolean ruleSpecRepeatsAnOption(String spec) {
        int colon = spec.indexOf(':');
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String option : spec.substring(colon + 1).split(",", -1)) {
            if (colon >= 0 && !keys.add(option.split("=", -1)[0].strip())) {
                return true;
            }
        }
        return false;
    }

    /** IDX and CSV files (part 3, corrupt and oversized files; part 4, memory estimate). */
    public static final List<KnownFinding> DATA_FILES = List.of(
            // any CSV for a network of 2^21 inputs: the first buffer is 2^31 floats before a line is read
            // (the property skips that size, see below; this entry covers other routes to the same allocation)
            // (the JVM may throw a preallocated OutOfMemoryError without a stack trace)
            new KnownFinding("csv-buffer-for-huge-input", "parts 3 and 4", thrown -> thrown instanceof OutOfMemoryError
                    && (thrown.getStackTrace().length == 0
                    || KnownFinding.thrownIn(thrown, OutOfMemoryError.class, "org.neurotile.workloads.data.CsvDataset"))));

    /**
     * The network input size for which every CSV file ends in an OutOfMemoryError (finding
     * csv-buffer-for-huge-input): CsvDataset's first buffer holds 1024 examples, 2^31 floats, before
     * a line is read. The CSV property skips it; remove the skip with the fix (parts 3 and 4).
     */
    public static final int CSV_INPUT_SIZE_PAST_MEMORY = 1 << 21;

    /** Training checkpoints (part 3, corrupted checkpoints). */
    public static final List<KnownFinding> CHECKPOINTS = List.of(
            // the configuration's length set to -1 (NegativeArraySizeException) or 2^31-1 (OutOfMemoryError)
            new KnownFinding("checkpoint-length-unchecked", "part 3", thrown ->
                    (thrown instanceof NegativeArraySizeException || thrown instanceof OutOfMemoryError)
                    && (thrown.getStackTrace().length == 0
                    || KnownFinding.thrownIn(thrown, thrown.getClass(), "org.neurotile.app.TrainingCheckpoint"))));

    private KnownFindings() {
    }
}
