package io.newsqa.ingest.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Feed polling settings ({@code newsqa.feeds.*}); defaults and comments in {@code application.yml}.
 *
 * @param enabled       scheduled polling in the server; off, feeds are polled only on request
 * @param pollInterval  how long after a poll a feed is due again
 * @param checkInterval how often each instance looks for due feeds
 * @param maxBackoff    the longest wait after failed polls (each failure in a row doubles the wait)
 * @param lease         how long a claimed feed stays out of other instances' reach; longer than a poll takes
 * @param batch         feeds one instance claims at a time
 * @param fetchDeadline the longest a feed's whole response may take to arrive (headers and body);
 *                      past it the poll fails, so a server trickling bytes cannot hold the poller
 * @param maxFeedSize   the largest feed body read; a larger one fails the poll
 */
@ConfigurationProperties("newsqa.feeds")
public record FeedProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("15m") Duration pollInterval,
        @DefaultValue("30s") Duration checkInterval,
        @DefaultValue("6h") Duration maxBackoff,
        @DefaultValue("10m") Duration lease,
        @DefaultValue("4") int batch,
        @DefaultValue("60s") Duration fetchDeadline,
        @DefaultValue("10MB") DataSize maxFeedSize) {

    public FeedProperties {
        if (pollInterval.isNegative()
                || pollInterval.isZero()
                || checkInterval.isNegative()
                || checkInterval.isZero()
                || lease.isNegative()
                || lease.isZero()
                || batch < 1) {
            throw new IllegalStateException(
                    "newsqa.feeds: poll-interval, check-interval and lease must be positive and batch"
                            + " at least 1; got " + pollInterval + ", " + checkInterval + ", " + lease + ", " + batch
                            + ".");
        }
        if (fetchDeadline.isNegative()
                || fetchDeadline.isZero()
                || fetchDeadline.compareTo(lease) >= 0
                || maxFeedSize.toBytes() < 1) {
            throw new IllegalStateException(
                    "newsqa.feeds: fetch-deadline must be positive and shorter than the lease (a poll"
                            + " must end before another instance may take the feed over), max-feed-size positive; got "
                            + fetchDeadline
                            + ", lease " + lease + ", " + maxFeedSize + ".");
        }
    }

    /** The wait after the given number of failed polls in a row: the interval, doubled per failure, capped. */
    Duration backoff(int failures) {
        Duration wait = pollInterval.multipliedBy(1L << Math.min(failures, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
