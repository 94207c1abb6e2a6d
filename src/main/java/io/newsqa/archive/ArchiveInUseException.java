package io.newsqa.archive;

import java.nio.file.Path;

/**
 * The embedded archive is held by another process (a running server): Lucene lets one writer
 * open a folder at a time. Commands turn it into one sentence naming the server's API to use instead.
 */
public class ArchiveInUseException extends IllegalStateException {

    private final Path folder;

    public ArchiveInUseException(Path folder, Throwable cause) {
        super(
                "The archive in " + folder + " is in use by another NewsQA process (a running server)."
                        + " Stop it, or use that server's API instead.",
                cause);
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
