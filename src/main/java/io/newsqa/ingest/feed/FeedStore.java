package io.newsqa.ingest.feed;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The registered feeds and their polling state: in PostgreSQL, shared by every app instance, or
 * in a file beside the embedded archive. Polling goes claim, fetch, {@link #complete}: a claim is
 * a lease held by one poller, so that two instances never poll the same feed at once, and a
 * poller that dies loses its claim when the lease ends.
 */
public interface FeedStore {

    /** A feed and whether this call registered it (false: the URL was registered already). */
    record Registration(Feed feed, boolean created) {}

    /** Registers a feed, due at once; registering a URL again changes nothing. */
    Registration register(FeedUrl url);

    /** Every registered feed, in the order of registration. */
    List<Feed> list();

    Optional<Feed> find(long id);

    /** Removes a feed (its articles stay in the archive); false when there is no such feed. */
    boolean delete(long id);

    /** Pauses or resumes a feed's scheduled polling; empty when there is no such feed. */
    Optional<Feed> setEnabled(long id, boolean enabled);

    /**
     * Claims up to {@code limit} enabled feeds that are due and not claimed by anyone, for
     * {@code lease}; the earliest due first.
     */
    List<Feed> claimDue(String poller, int limit, Duration lease);

    /**
     * Claims one feed whether due or not ("poll now"); empty when there is no such feed or
     * another poller holds it.
     */
    Optional<Feed> claim(long id, String poller, Duration lease);

    /**
     * Records a poll and releases the claim.
     *
     * @return false when the poller no longer held the claim (its lease ran out and another took
     *         it, or the feed was deleted): nothing is recorded
     */
    boolean complete(long id, String poller, PollResult result);
}
