package org.neurotile.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A one-epoch training run on 200 cluster examples and an 8x8 chip, for tests of train's options. */
final class SmallTraining {
    private SmallTraining() {
    }

    static CommandLineRunner train(Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("train", "--train-examples", "200", "--test-examples",
                "50", "--epochs", "1", "--array", "8x8", "--out", out.toString()));
        args.addAll(List.of(options));
        return CommandLineRunner.run(args.toArray(String[]::new));
    }

    /** The run's history.json. */
    static JsonNode history(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("history.json").toFile());
    }
}
