package org.neurotile.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process, as a user would from a shell, and keeps what it printed. */
record CommandLineRunner(int status, String out, String err) {

    static CommandLineRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandLineRunner(status, out.toString(), err.toString());
    }
}
