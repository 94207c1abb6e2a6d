package io.newsqa.cli;

import io.newsqa.archive.ArchiveInUseException;

/**
 * A command that cannot do its work for a reason the user can act on: printed as its message
 * alone on standard error (no stack trace), and the process exits with {@link #exitCode()}.
 */
public final class CommandFailure extends RuntimeException {

    /** Exit code when the archive is held by a running server. */
    public static final int ARCHIVE_IN_USE = 3;

    private final int exitCode;

    public CommandFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /**
     * What a failure to start means for the user, or {@code null} when it is not one they can act
     * on: the archive held by a server becomes one sentence naming {@code serverInstead}, that
     * server's API for the same thing.
     */
    static CommandFailure of(Throwable failure, String serverInstead) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ArchiveInUseException inUse) {
                return new CommandFailure(
                        "The archive in " + inUse.folder() + " is in use by a running NewsQA server: " + serverInstead
                                + ", or stop the server first.",
                        ARCHIVE_IN_USE);
            }
        }
        return null;
    }
}
