package io.newsqa.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every feed store does; run against PostgreSQL and the JSON file. */
abstract class FeedStoreContract {

    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration HOUR = Duration.ofHours(1);

    /** A store over the same storage as every other store this test opens (a second instance). */
    abstract FeedStore store();

    static FeedUrl url(String path) {
        return FeedUrl.parse("https://news.example/" + path);
    }

    static PollResult ok(int added, Validators validators) {
        return new PollResult(FeedStatus.OK, validators, added, null, HOUR);
    }

    @Test
    void aRegisteredFeedIsListedAndDueAtOnceAndRegisteringItAgainChangesNothing() {
        FeedStore store = store();
        FeedStore.Registration first = store.register(url("rss.xml"));
        FeedStore.Registration again = store.register(url("rss.xml"));
        store.register(url("atom.xml"));

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.feed().id()).isEqualTo(first.feed().id());
        Feed feed = first.feed();
        assertThat(feed.enabled()).isTrue();
        assertThat(feed.lastStatus()).isNull();
        assertThat(feed.itemsAdded()).isZero();
        assertThat(feed.nextPollAt()).isBeforeOrEqualTo(Instant.now().plusSeconds(1));
        assertThat(store().list())
                .extracting(Feed::url)
                .containsExactly("https://news.example/rss.xml", "https://news.example/atom.xml");
        assertThat(store().find(feed.id())).contains(feed);
    }

    @Test
    void aDeletedFeedIsGone() {
        FeedStore store = store();
        long id = store.register(url("gone.xml")).feed().id();

        assertThat(store.delete(id)).isTrue();
        assertThat(store.delete(id)).isFalse();
        assertThat(store().find(id)).isEmpty();
        assertThat(store().list()).isEmpty();
    }

    @Test
    void aDueFeedIsClaimedByOnePollerUntilItsPollIsRecorded() {
        FeedStore store = store();
        long id = store.register(url("rss.xml")).feed().id();

        List<Feed> claimedByA = store.claimDue("a", 10, LEASE);
        assertThat(claimedByA).extracting(Feed::id).containsExactly(id);
        assertThat(store.claimDue("b", 10, LEASE)).as("claimed by a").isEmpty();
        assertThat(store.claim(id, "b", LEASE)).as("poll now while a polls").isEmpty();
        assertThat(store.complete(id, "b", ok(1, Validators.NONE)))
                .as("b holds no claim")
                .isFalse();

        assertThat(store.complete(id, "a", ok(2, new Validators("\"v1\"", "Mon, 02 Jun 2025 10:00:00 GMT"))))
                .isTrue();

        Feed polled = store().find(id).orElseThrow();
        assertThat(polled.lastStatus()).isEqualTo(FeedStatus.OK);
        assertThat(polled.lastPolledBy()).isEqualTo("a");
        assertThat(polled.itemsAdded()).isEqualTo(2);
        assertThat(polled.etag()).isEqualTo("\"v1\"");
        assertThat(polled.lastModified()).isEqualTo("Mon, 02 Jun 2025 10:00:00 GMT");
        assertThat(Duration.between(polled.lastPolledAt(), polled.nextPollAt())).isEqualTo(HOUR);
        assertThat(store.claimDue("b", 10, LEASE)).as("not due for an hour").isEmpty();
        assertThat(store.claim(id, "b", LEASE)).as("poll now: due or not").isPresent();
    }

    @Test
    void pollsAddUpAndFailuresCountUntilASuccess() {
        FeedStore store = store();
        long id = store.register(url("rss.xml")).feed().id();
        Validators v1 = new Validators("\"v1\"", null);

        poll(store, id, ok(3, v1));
        poll(store, id, new PollResult(FeedStatus.NOT_MODIFIED, null, 0, null, HOUR));
        Feed notModified = store.find(id).orElseThrow();
        assertThat(notModified.etag()).as("kept").isEqualTo("\"v1\"");
        assertThat(notModified.itemsAdded()).isEqualTo(3);

        poll(store, id, new PollResult(FeedStatus.ERROR, null, 0, "unreachable (connection refused)", HOUR));
        poll(
                store,
                id,
                new PollResult(FeedStatus.ERROR, null, 0, "the server answered HTTP 500", HOUR.multipliedBy(2)));
        Feed failing = store().find(id).orElseThrow();
        assertThat(failing.lastStatus()).isEqualTo(FeedStatus.ERROR);
        assertThat(failing.lastError()).isEqualTo("the server answered HTTP 500");
        assertThat(failing.consecutiveFailures()).isEqualTo(2);
        assertThat(Duration.between(failing.lastPolledAt(), failing.nextPollAt()))
                .isEqualTo(HOUR.multipliedBy(2));

        poll(store, id, ok(1, Validators.NONE));
        Feed recovered = store().find(id).orElseThrow();
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.lastError()).isNull();
        assertThat(recovered.itemsAdded()).isEqualTo(4);
        assertThat(recovered.etag())
                .as("forgotten: the next poll fetches the whole feed")
                .isNull();
    }

    @Test
    void aClaimRunsOutSoAPollerThatDiedHoldsNoFeedForever() throws InterruptedException {
        FeedStore store = store();
        long id = store.register(url("rss.xml")).feed().id();

        assertThat(store.claimDue("dead", 10, Duration.ofMillis(300))).hasSize(1);
        assertThat(store.claimDue("alive", 10, LEASE)).isEmpty();
        Thread.sleep(600);

        assertThat(store.claimDue("alive", 10, LEASE)).extracting(Feed::id).containsExactly(id);
        assertThat(store.complete(id, "dead", ok(1, Validators.NONE)))
                .as("its lease is gone")
                .isFalse();
        assertThat(store.complete(id, "alive", ok(1, Validators.NONE))).isTrue();
    }

    @Test
    void aPausedFeedIsNotPolledOnScheduleButCanBePolledOnRequest() {
        FeedStore store = store();
        long id = store.register(url("rss.xml")).feed().id();

        assertThat(store.setEnabled(id, false))
                .hasValueSatisfying(f -> assertThat(f.enabled()).isFalse());
        assertThat(store.claimDue("a", 10, LEASE)).isEmpty();
        assertThat(store.claim(id, "a", LEASE)).isPresent();
        assertThat(store.setEnabled(id + 1000, true)).isEmpty();
    }

    @Test
    void theEarliestDueFeedsAreClaimedFirstUpToTheLimit() {
        FeedStore store = store();
        long first = store.register(url("1.xml")).feed().id();
        long second = store.register(url("2.xml")).feed().id();
        long third = store.register(url("3.xml")).feed().id();
        poll(store, first, new PollResult(FeedStatus.OK, null, 0, null, Duration.ZERO));

        assertThat(store.claimDue("a", 2, LEASE)).extracting(Feed::id).containsExactly(second, third);
        assertThat(store.claimDue("b", 2, LEASE)).extracting(Feed::id).containsExactly(first);
    }

    private static void poll(FeedStore store, long id, PollResult result) {
        assertThat(store.claim(id, "poller", LEASE)).isPresent();
        assertThat(store.complete(id, "poller", result)).isTrue();
    }
}
