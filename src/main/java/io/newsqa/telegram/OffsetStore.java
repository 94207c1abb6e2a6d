package io.newsqa.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The id of the last update the bot has handled, kept across restarts so that a restarted bot
 * asks Telegram only for later updates and skips any it is sent again: no question is answered
 * twice.
 */
interface OffsetStore {

    /**
     * Telegram keeps unconfirmed updates for 24 hours, and after a week without updates it may
     * start numbering them anew from a random point. A record older than a day therefore protects
     * nothing and could hide new updates with lower numbers: it is ignored.
     */
    Duration MEANINGFUL_FOR = Duration.ofHours(24);

    /** The last handled update id and when it was handled, or nothing. */
    record Record(long updateId, Instant handledAt) {}

    OptionalLong lastHandled();

    void markHandled(long updateId);

    static OptionalLong meaningful(Record record, Instant now) {
        if (record == null || record.handledAt().plus(MEANINGFUL_FOR).isBefore(now)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(record.updateId());
    }
}
