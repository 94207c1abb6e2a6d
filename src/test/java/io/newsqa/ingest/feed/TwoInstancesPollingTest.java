package io.newsqa.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArticleSummary;
import io.newsqa.archive.postgres.PgVectorArchive;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.source.UrlFetcher;
import io.newsqa.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Two app instances on one PostgreSQL schema, each with its own connection pool, archive object,
 * ingestor, store, poller and scheduler (as two processes would have), polling the same
 * registered feeds from a real local HTTP server that counts requests. Each feed must be fetched
 * exactly once per due period, and each entry stored exactly once.
 */
class TwoInstancesPollingTest {

    static final FeedProperties SETTINGS = new FeedProperties(
            true,
            Duration.ofHours(1),
            Duration.ofMillis(50),
            Duration.ofHours(6),
            Duration.ofMinutes(10),
            1,
            Duration.ofSeconds(2),
            DataSize.ofKilobytes(64));
    static final int FEEDS = 6;
    private static EmbeddingModel embeddings;

    private String schema;
    /** Closed last opened first. */
    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    private FeedServer server;

    private record Instance(ArchiveIndex archive, FeedStore store, FeedPoller poller, FeedScheduler scheduler) {}

    @BeforeAll
    static void loadModel() {
        embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @BeforeEach
    void start() {
        schema = TestDatabase.freshSchemaName("feeds_two");
        server = new FeedServer();
        // Responses take a while, so that the instances' polls overlap.
        server.delay(Duration.ofMillis(200));
    }

    @AfterEach
    void stop() throws Exception {
        while (!open.isEmpty()) {
            open.pop().close();
        }
        server.close();
        TestDatabase.dropSchema(schema);
    }

    private Instance instance(String name) {
        HikariDataSource pool = TestDatabase.pool("feeds-" + name, 4);
        open.push(pool);
        ArchiveIndex archive = PgVectorArchive.open(pool, false, "all-minilm-l6-v2-q", embeddings.dimension(), schema);
        open.push(archive);
        FeedStore store = new PostgresFeedStore(pool, schema);
        FeedPoller poller = new FeedPoller(
                store,
                new ArticleIngestor(archive, embeddings, new Chunker(new HuggingFaceTokenCountEstimator(), 200)),
                new UrlFetcher(Duration.ofSeconds(5), FeedServer.fetchPolicy()),
                SETTINGS,
                name);
        FeedScheduler scheduler = new FeedScheduler(poller, SETTINGS);
        open.push(scheduler);
        return new Instance(archive, store, poller, scheduler);
    }

    @Test
    void eachFeedIsFetchedOncePerDuePeriodAndEachEntryStoredOnce() throws Exception {
        Instance a = instance("instance-a");
        Instance b = instance("instance-b");
        a.scheduler().start();
        b.scheduler().start();
        for (int f = 0; f < FEEDS; f++) {
            server.publish(
                    "/feed" + f,
                    List.of(FeedServer.item(f + "-1"), FeedServer.item(f + "-2"), FeedServer.item(f + "-3")));
            a.store().register(FeedUrl.parse(server.url("/feed" + f), FeedServer.fetchPolicy()));
        }

        awaitTrue(() -> a.store().list().stream().allMatch(feed -> feed.lastPolledAt() != null));

        for (int f = 0; f < FEEDS; f++) {
            assertThat(server.requests("/feed" + f))
                    .as("requests for feed %d", f)
                    .hasSize(1);
        }
        assertStoredOnce(a.archive(), FEEDS * 3);
        assertThat(a.store().list())
                .extracting(Feed::lastPolledBy)
                .as("both instances took part")
                .contains("instance-a", "instance-b");

        // The next due period: half the feeds have a new entry.
        for (int f = 0; f < FEEDS / 2; f++) {
            server.publish(
                    "/feed" + f,
                    List.of(
                            FeedServer.item(f + "-4"),
                            FeedServer.item(f + "-1"),
                            FeedServer.item(f + "-2"),
                            FeedServer.item(f + "-3")));
        }
        makeAllDue();
        awaitTrue(() -> a.store().list().stream()
                .allMatch(feed -> server.requests(path(feed)).size() >= 2
                        && feed.lastStatus() != null
                        && feed.nextPollAt().isAfter(feed.lastPolledAt().plusSeconds(60))));
        Thread.sleep(500); // a second fetch by the other instance would have started by now

        for (Feed feed : a.store().list()) {
            int f = Integer.parseInt(path(feed).substring("/feed".length()));
            assertThat(server.requests(path(feed)))
                    .as("requests for feed %d", f)
                    .hasSize(2);
            assertThat(feed.lastStatus()).isEqualTo(f < FEEDS / 2 ? FeedStatus.OK : FeedStatus.NOT_MODIFIED);
            assertThat(feed.itemsAdded()).isEqualTo(f < FEEDS / 2 ? 4 : 3);
        }
        assertStoredOnce(b.archive(), FEEDS * 3 + FEEDS / 2);
    }

    @Test
    void aRoundThatFindsTheDatabaseBrokenIsLoggedAndTheNextRoundPollsAgain() throws Exception {
        Instance a = instance("instance-a");
        server.publish("/feed", List.of(FeedServer.item("z1")));
        sql("ALTER TABLE \"" + schema + "\".feeds RENAME TO feeds_away");
        a.scheduler().start();
        Thread.sleep(300); // several rounds fail: no feeds table

        sql("ALTER TABLE \"" + schema + "\".feeds_away RENAME TO feeds");
        long id = a.store()
                .register(FeedUrl.parse(server.url("/feed"), FeedServer.fetchPolicy()))
                .feed()
                .id();

        awaitTrue(() -> a.store().find(id).orElseThrow().lastStatus() != null);
        assertThat(a.store().find(id).orElseThrow().lastStatus()).isEqualTo(FeedStatus.OK);
        assertThat(a.archive().stats().articles()).isEqualTo(1);
    }

    private static String path(Feed feed) {
        return feed.url().substring(feed.url().indexOf("/feed"));
    }

    private static void assertStoredOnce(ArchiveIndex archive, int expected) {
        List<ArticleSummary> articles = archive.listArticles(0, 100);
        assertThat(articles).hasSize(expected);
        assertThat(articles.stream().collect(Collectors.groupingBy(ArticleSummary::url, Collectors.counting())))
                .allSatisfy((url, copies) -> assertThat(copies).as(url).isEqualTo(1));
        assertThat(archive.stats().articles()).isEqualTo(expected);
    }

    private void makeAllDue() throws Exception {
        sql("UPDATE \"" + schema + "\".feeds SET next_poll_at = now()");
    }

    private static void sql(String statement) throws Exception {
        try (Connection connection = TestDatabase.connect();
                Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 60 s");
            }
            Thread.sleep(50);
        }
    }
}
