package org.neurotile.app;

import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code neurotile} command. */
@Command(name = "neurotile",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Simulates training neural networks on arrays of neuron tiles joined by a network-on-chip.",
        subcommands = {CompareCommand.class, RunCommand.class, TrainCommand.class, ReportCommand.class,
            ValidateCommand.class, NocCommand.class, SweepCommand.class, DescribeCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /**
     * Exit status for bad input (a config, argument or data file that is not valid) and for any
     * failure the user can act on: a file that cannot be written, memory the run does not have.
     */
    static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit status. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setResourceBundle(new ParameterHelp());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine command = exception.getCommandLine();
            err.println(command.getCommandName() + ": " + exception.getMessage()
                    + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
            return EXIT_BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            Optional<String> line = Failures.describe(exception);
            if (line.isEmpty()) {
                throw exception;
            }
            err.println(command.getCommandName() + ": " + line.get());
            return EXIT_BAD_INPUT;
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli passes errors through; a user should still see one line, not a stack trace
            err.println("neurotile: " + Failures.describe(e).orElseThrow());
            return EXIT_BAD_INPUT;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
