package io.newsqa.ingest.feed;

import java.time.Instant;

/**
 * A registered RSS or Atom feed and how its polling went.
 *
 * @param etag                the {@code ETag} of the last feed taken in whole, sent back as {@code If-None-Match}
 * @param lastModified        its {@code Last-Modified}, sent back as {@code If-Modified-Since}
 * @param lastPolledBy        the app instance that polled it last
 * @param lastStatus          how the last poll went; {@code null} before the first
 * @param lastError           why the last poll failed, or which entries it could not take in
 * @param itemsAdded          articles added from this feed, all polls together
 * @param consecutiveFailures failed polls in a row; each one doubles the wait before the next
 * @param nextPollAt          when it is due again
 */
public record Feed(
        long id,
        String url,
        boolean enabled,
        Instant registeredAt,
        String etag,
        String lastModified,
        Instant lastPolledAt,
        String lastPolledBy,
        FeedStatus lastStatus,
        String lastError,
        long itemsAdded,
        int consecutiveFailures,
        Instant nextPollAt) {

    /** This feed as lists and answers show it: credentials in its address hidden ({@link FeedUrl#masked}). */
    public Feed masked() {
        return new Feed(
                id,
                FeedUrl.masked(url),
                enabled,
                registeredAt,
                etag,
                lastModified,
                lastPolledAt,
                lastPolledBy,
                lastStatus,
                FeedUrl.maskedIn(lastError, url),
                itemsAdded,
                consecutiveFailures,
                nextPollAt);
    }
}
