package org.neurotile.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurotile.workloads.NetworkSummary;
import org.neurotile.workloads.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurotile describe WORKLOAD}: each layer's output shape, weights and MACs. */
@Command(name = "describe",
        mixinStandardHelpOptions = true,
        description = {"Prints a network layer by layer: kind and settings, output shape (channels x height x width),"
                + " weights, parameters (weights + biases) and forward MACs, with the totals; writes nothing."})
final class DescribeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME|FILE", description = "A catalog network or a network file (.yaml, .yml, .json).")
    private String workload;

    @Option(names = "--json", description = "Print the summary as JSON instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        NetworkSummary summary = NetworkSummary.of(Workloads.resolve(workload));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary.asMap()));
        } else {
            printTable(summary, out);
        }
        out.flush();
        return 0;
    }

    /** Columns as wide as their longest entry, so a long convolution description stays on its row. */
    private static void printTable(NetworkSummary summary, PrintWriter out) {
        int kindWidth = "layer".length();
        int outputWidth = "output".length();
        for (NetworkSummary.Row row : summary.rows()) {
            kindWidth = Math.max(kindWidth, description(row).length());
            outputWidth = Math.max(outputWidth, row.output().toString().length());
        }
        String header = "%-5s  %-" + kindWidth + "s  %-" + outputWidth + "s  %14s  %14s  %16s%n";
        String line = "%-5s  %-" + kindWidth + "s  %-" + outputWidth + "s  %,14d  %,14d  %,16d%n";
        out.printf(Locale.ROOT, "%s: input %s%n", summary.name(), summary.input());
        out.printf(Locale.ROOT, header, "layer", "kind", "output", "weights", "parameters", "forward MACs");
        for (NetworkSummary.Row row : summary.rows()) {
            out.printf(Locale.ROOT, line, row.layer(), description(row), row.output(), row.weights(), row.parameters(),
                    row.forwardMacs());
        }
        out.printf(Locale.ROOT, line, "total", "", "", summary.weights(), summary.parameters(), summary.forwardMacs());
    }

    private static String description(NetworkSummary.Row row) {
        return row.description() + (row.trainable() ? "" : " (frozen)");
    }
}
