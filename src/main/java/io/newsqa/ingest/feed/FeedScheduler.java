package io.newsqa.ingest.feed;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the poller in the server: every check interval it polls the due feeds, batch after batch
 * until none is left. Nothing a feed or the database does stops it: a failed round is logged and
 * the next one runs on time.
 */
final class FeedScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedScheduler.class);

    private final FeedPoller poller;
    private final FeedProperties settings;
    private ScheduledExecutorService executor;

    FeedScheduler(FeedPoller poller, FeedProperties settings) {
        this.poller = poller;
        this.settings = settings;
    }

    void start() {
        if (!settings.enabled()) {
            log.info("Feed polling is off (newsqa.feeds.enabled=false); feeds are polled only on request");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "feed-poller");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::round, 0, settings.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info(
                "Feed polling: every {} per feed, looking for due feeds every {} (poller {})",
                settings.pollInterval(),
                settings.checkInterval(),
                poller.name());
    }

    private void round() {
        try {
            while (!Thread.currentThread().isInterrupted() && poller.pollDue() == settings.batch()) {
                // a full batch: more feeds may be due
            }
        } catch (RuntimeException e) {
            // A thrown exception would cancel the schedule; the database may be back next round.
            log.warn("Feed polling round failed: {}", e.getMessage());
        }
    }

    /** Lets a poll in progress finish (its claim would run out otherwise), then stops. */
    @Override
    public void close() throws InterruptedException {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
