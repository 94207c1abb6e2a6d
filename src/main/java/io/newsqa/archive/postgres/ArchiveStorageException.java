package io.newsqa.archive.postgres;

/**
 * PostgreSQL failed while the archive read or wrote (database unreachable, connection lost,
 * constraint violated). The message says which operation failed; the cause is the driver's error.
 */
public class ArchiveStorageException extends RuntimeException {

    public ArchiveStorageException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
