package io.newsqa.cli;

import io.newsqa.ingest.IngestRun;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM (or Ctrl-C) during an ingest: the run takes no more articles, the ones it has taken are
 * embedded and stored, the archive is closed, and only then does the JVM go. The rerun finds them
 * stored and goes on with the rest. Without this the archive would close under the last batch
 * (nothing is lost then either, each article being stored atomically, but the work is wasted).
 */
final class CheckpointOnShutdown implements AutoCloseable {

    private final Duration wait;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stopAndWait, "ingest-checkpoint");
    private volatile IngestRun run;

    CheckpointOnShutdown(Duration wait) {
        this.wait = wait;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void watch(IngestRun started) {
        run = started;
    }

    private void stopAndWait() {
        IngestRun current = run;
        if (current != null) {
            current.stop();
            System.err.println(
                    "ingest: stopping after the articles already read; run the same command again to continue");
        }
        try {
            // The command's thread finishes storing and closes the archive, then counts down.
            finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called once the ingest has ended and the archive is closed. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running and now returns.
        }
    }
}
