package io.newsqa.archive;

/**
 * The archive's storage failed (database unreachable, connection lost, disk error): the request
 * may succeed later, when the storage is back. Channels report it as "service unavailable".
 */
public class ArchiveUnavailableException extends RuntimeException {

    public ArchiveUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
