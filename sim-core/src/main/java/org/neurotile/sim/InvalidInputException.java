package org.neurotile.sim;

/**
 * A user's input (configuration, command-line value, workload or data file) is not valid.
 *
 * <p>The message is one line meant for the user: it names the file, line or key and says what is
 * valid. The application prints it without a stack trace and exits with status 2.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
