package io.newsqa.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.source.UrlFetcher;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Polling real feeds from a local HTTP server into a real embedded archive, with the real
 * embedding model and the JSON feed store.
 */
class FeedPollerTest {

    static final FeedProperties SETTINGS = new FeedProperties(
            true,
            Duration.ofMinutes(15),
            Duration.ofMillis(100),
            Duration.ofHours(6),
            Duration.ofMinutes(10),
            10,
            Duration.ofSeconds(2),
            DataSize.ofKilobytes(64));
    private static EmbeddingModel embeddings;

    @TempDir
    Path dir;

    private ArchiveIndex archive;
    private FeedStore store;
    private FeedPoller poller;
    private FeedServer server;

    @BeforeAll
    static void loadModel() {
        embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @BeforeEach
    void start() {
        archive = LuceneArchive.open(dir.resolve("archive"), "all-minilm-l6-v2-q", embeddings.dimension());
        store = new FileFeedStore(dir.resolve("feeds.json"), Clock.systemUTC());
        poller = new FeedPoller(
                store,
                new ArticleIngestor(archive, embeddings, new Chunker(new HuggingFaceTokenCountEstimator(), 200)),
                new UrlFetcher(
                        Duration.ofSeconds(5),
                        SETTINGS.fetchDeadline(),
                        SETTINGS.maxFeedSize().toBytes(),
                        FeedServer.fetchPolicy()),
                SETTINGS,
                "test-poller");
        server = new FeedServer();
    }

    @AfterEach
    void stop() {
        server.close();
        archive.close();
    }

    private long register(String path) {
        return store.register(FeedUrl.parse(server.url(path), FeedServer.fetchPolicy()))
                .feed()
                .id();
    }

    @Test
    void anUnchangedFeedIsAskedForConditionallyAndItsNotModifiedAnswerIsNotParsed() {
        server.publish("/rss", List.of(FeedServer.item("a1"), FeedServer.item("a2")));
        long id = register("/rss");

        assertThat(poller.pollDue()).isEqualTo(1);
        Feed first = store.find(id).orElseThrow();
        assertThat(first.lastStatus()).isEqualTo(FeedStatus.OK);
        assertThat(first.itemsAdded()).isEqualTo(2);
        assertThat(first.etag()).isEqualTo(server.etag("/rss"));
        assertThat(first.lastModified()).isEqualTo(server.lastModified("/rss"));
        assertThat(archive.stats().articles()).isEqualTo(2);

        PollResult second = poller.pollNow(id).orElseThrow();

        assertThat(second.status()).isEqualTo(FeedStatus.NOT_MODIFIED);
        List<FeedServer.Request> requests = server.requests("/rss");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).ifNoneMatch()).isNull();
        assertThat(requests.get(0).ifModifiedSince()).isNull();
        assertThat(requests.get(1).ifNoneMatch()).isEqualTo(server.etag("/rss"));
        assertThat(requests.get(1).ifModifiedSince()).isEqualTo(server.lastModified("/rss"));
        assertThat(requests.get(1).status()).isEqualTo(304);
        Feed after = store.find(id).orElseThrow();
        assertThat(after.lastStatus()).isEqualTo(FeedStatus.NOT_MODIFIED);
        assertThat(after.etag()).isEqualTo(first.etag());
        assertThat(after.itemsAdded()).isEqualTo(2);
        assertThat(archive.stats().articles()).isEqualTo(2);
    }

    @Test
    void aNewEntryIsIngestedOnTheNextPollAndTheOldOnesAreNotStoredAgain() {
        server.publish("/rss", List.of(FeedServer.item("b1"), FeedServer.item("b2")));
        long id = register("/rss");
        poller.pollDue();
        long chunks = archive.stats().chunks();

        server.publish("/rss", List.of(FeedServer.item("b3"), FeedServer.item("b1"), FeedServer.item("b2")));
        PollResult next = poller.pollNow(id).orElseThrow();

        assertThat(next.status()).isEqualTo(FeedStatus.OK);
        assertThat(next.itemsAdded()).isEqualTo(1);
        assertThat(server.requests("/rss").get(1).status())
                .as("the feed changed: a full answer")
                .isEqualTo(200);
        assertThat(archive.stats().articles()).isEqualTo(3);
        assertThat(archive.stats().chunks()).isGreaterThan(chunks);
        assertThat(archive.listArticles(0, 10))
                .extracting(a -> a.url())
                .containsExactlyInAnyOrder(
                        "https://avalon.example/news/b1",
                        "https://avalon.example/news/b2",
                        "https://avalon.example/news/b3");
        assertThat(store.find(id).orElseThrow().itemsAdded()).isEqualTo(3);
    }

    @Test
    void brokenAndUnreachableFeedsAreRecordedWithBackoffAndTheOthersArePolled() throws IOException {
        server.publish("/good", List.of(FeedServer.item("c1")));
        server.serveRaw(
                "/broken", "application/rss+xml", "<?xml version=\"1.0\"?><rss><channel><title>x</title><item>");
        long broken = register("/broken");
        long missing = register("/missing");
        long unreachable = store.register(
                        FeedUrl.parse("http://127.0.0.1:" + closedPort() + "/rss", FeedServer.fetchPolicy()))
                .feed()
                .id();
        long good = register("/good");

        assertThat(poller.pollDue()).isEqualTo(4);

        assertThat(store.find(good).orElseThrow().lastStatus()).isEqualTo(FeedStatus.OK);
        assertThat(archive.stats().articles()).isEqualTo(1);
        assertFailed(broken, "not a valid RSS or Atom feed");
        assertFailed(missing, "HTTP 404");
        assertFailed(unreachable, "unreachable");
        assertThat(poller.pollDue()).as("failed feeds wait for their backoff").isZero();

        poller.pollNow(unreachable);
        Feed twice = store.find(unreachable).orElseThrow();
        assertThat(twice.consecutiveFailures()).isEqualTo(2);
        assertThat(Duration.between(twice.lastPolledAt(), twice.nextPollAt())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aFeedTricklingItsBodyEndlesslyFailsAtTheDeadlineAndTheOthersArePolled() throws Exception {
        server.trickle("/slow", Duration.ofMillis(100));
        server.publish("/good", List.of(FeedServer.item("g1")));
        long slow = register("/slow");
        long good = register("/good");

        long started = System.nanoTime();
        assertThat(poller.pollDue()).isEqualTo(2);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertFailed(slow, "not complete within 2 s (the server sends it too slowly)");
        assertThat(store.find(good).orElseThrow().lastStatus()).isEqualTo(FeedStatus.OK);
        assertThat(archive.stats().articles()).isEqualTo(1);
        assertThat(took)
                .as("the slow feed held the poller for its deadline, not longer")
                .isGreaterThanOrEqualTo(SETTINGS.fetchDeadline())
                .isLessThan(SETTINGS.fetchDeadline().plusSeconds(10));
        // The connection was dropped, not left trickling into a buffer nobody reads.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!server.hungUp("/slow") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.hungUp("/slow")).isTrue();
    }

    @Test
    void aFeedLargerThanTheLimitFailsAndNothingOfItIsStored() {
        List<FeedServer.Item> many = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(FeedServer.item("h" + i)); // about 500 bytes each: 200 KB, the limit is 64 KB
        }
        server.publish("/huge", many);
        long huge = register("/huge");

        poller.pollDue();

        assertFailed(huge, "larger than 64 KB");
        assertThat(archive.stats().articles()).isZero();
    }

    private void assertFailed(long id, String reason) {
        Feed feed = store.find(id).orElseThrow();
        assertThat(feed.lastStatus()).isEqualTo(FeedStatus.ERROR);
        assertThat(feed.lastError()).contains(reason).doesNotStartWith("http");
        assertThat(feed.consecutiveFailures()).isEqualTo(1);
        assertThat(Duration.between(feed.lastPolledAt(), feed.nextPollAt()))
                .as("twice the interval")
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void anEntryThatCannotBeTakenInIsNamedAndTheFeedIsFetchedWholeNextTime() {
        server.publish(
                "/rss",
                List.of(
                        FeedServer.item("d1"),
                        new FeedServer.Item("Headline only", "https://avalon.example/empty", "")));
        long id = register("/rss");

        poller.pollDue();

        Feed feed = store.find(id).orElseThrow();
        assertThat(feed.lastStatus()).isEqualTo(FeedStatus.OK);
        assertThat(feed.itemsAdded()).isEqualTo(1);
        assertThat(feed.lastError()).startsWith("1 of 2 entries not taken in: entry 2 (https://avalon.example/empty)");
        assertThat(feed.etag()).isNull();
        poller.pollNow(id);
        assertThat(server.requests("/rss").get(1).ifNoneMatch()).isNull();
        assertThat(server.requests("/rss").get(1).status()).isEqualTo(200);
    }

    @Test
    void theSchedulerPollsDueFeedsOnItsOwn() throws Exception {
        server.publish("/rss", List.of(FeedServer.item("e1")));
        long id = register("/rss");

        try (FeedScheduler scheduler = new FeedScheduler(poller, SETTINGS)) {
            scheduler.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (store.find(id).orElseThrow().lastStatus() == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        assertThat(store.find(id).orElseThrow().lastStatus()).isEqualTo(FeedStatus.OK);
        assertThat(server.requests("/rss")).hasSize(1);
        assertThat(archive.stats().articles()).isEqualTo(1);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
