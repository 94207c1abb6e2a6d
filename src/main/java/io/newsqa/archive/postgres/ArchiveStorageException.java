package io.newsqa.archive.postgres;

import io.newsqa.archive.ArchiveUnavailableException;

/**
 * PostgreSQL failed while the archive read or wrote (database unreachable, connection lost,
 * constraint violated). The message says which operation failed; the cause is the driver's error.
 */
public class ArchiveStorageException extends ArchiveUnavailableException {

    public ArchiveStorageException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
