package io.newsqa.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;

/**
 * How commands report: quiet unless {@code --verbose}, and a failure as one line on standard
 * error with an exit code rather than a stack trace (the trace only with {@code --verbose}).
 */
public final class CommandOutput {

    private static volatile boolean verbose;

    private CommandOutput() {}

    public static void verbose(boolean on) {
        verbose = on;
    }

    static boolean verbose() {
        return verbose;
    }

    /** {@link CommandFailure}: its message and exit code; anything else: its innermost message, exit code 1. */
    public static IExecutionExceptionHandler failureHandler() {
        return (failure, commandLine, parsed) -> {
            if (verbose) {
                failure.printStackTrace(commandLine.getErr());
            }
            if (failure instanceof CommandFailure known) {
                commandLine.getErr().println(known.getMessage());
                return known.exitCode();
            }
            commandLine
                    .getErr()
                    .println("newsqa " + commandLine.getCommandName() + " failed: " + innermostMessage(failure)
                            + (verbose ? "" : " (--verbose shows the details)"));
            return 1;
        };
    }

    /** The most specific message in the chain of causes: Spring wraps the useful one in several layers. */
    static String innermostMessage(Throwable failure) {
        String message = failure.toString();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    /** The command line of {@code root} with this reporting. */
    public static CommandLine commandLine(Object root) {
        return new CommandLine(root).setExecutionExceptionHandler(failureHandler());
    }
}
