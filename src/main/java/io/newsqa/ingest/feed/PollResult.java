package io.newsqa.ingest.feed;

import java.time.Duration;

/**
 * What one poll of a feed found, as recorded in the store.
 *
 * @param validators  the validators to keep for the next poll, or {@code null} to keep the stored ones
 * @param itemsAdded  articles added by this poll
 * @param message     the error, or which entries could not be taken in; {@code null} when none
 * @param nextPollIn  how long until the feed is due again
 */
public record PollResult(
        FeedStatus status, Validators validators, int itemsAdded, String message, Duration nextPollIn) {

    public boolean failed() {
        return status == FeedStatus.ERROR;
    }
}
