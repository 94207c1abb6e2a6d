package io.newsqa.archive.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.newsqa.archive.ArchiveLoad;
import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.StoredArticle;
import io.newsqa.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vector index put off while a load fills an empty archive: built when the load ends, kept
 * when the archive holds chunks, left to the first of two loads, and built by the next opening
 * when the load that put it off was killed. Searches find every article throughout.
 */
class DeferredVectorIndexTest {

    private static final String MODEL = "deferred-index-test-model";
    private static final int DIM = 16;
    private static final int ARTICLES = 120;

    private final Random random = new Random(7);
    private final List<float[]> vectors = new ArrayList<>();
    private String schema;
    private HikariDataSource dataSource;
    private PgVectorArchive archive;

    @BeforeEach
    void open() {
        schema = TestDatabase.freshSchemaName("deferidx");
        dataSource = TestDatabase.pool("deferred-index-test", 4);
        archive = PgVectorArchive.open(dataSource, true, MODEL, DIM, schema);
    }

    @AfterEach
    void close() {
        archive.close();
        TestDatabase.dropSchema(schema);
    }

    @Test
    void aLoadIntoAnEmptyArchiveBuildsTheIndexWhenItEndsAndSearchesFindEveryArticleMeanwhile() {
        assertThat(indexExists()).as("V1 creates it").isTrue();
        try (ArchiveLoad load = archive.startLoad()) {
            assertThat(indexExists()).as("put off during the load").isFalse();
            store(0, ARTICLES);
            assertEveryArticleFindsItself("without the index: every vector compared");
        }
        assertThat(indexExists()).as("built when the load ended").isTrue();
        assertThat(indexIsValidHnsw()).isTrue();
        assertEveryArticleFindsItself("through the index");
    }

    @Test
    void aLoadIntoAnArchiveThatHoldsChunksKeepsTheIndex() {
        store(0, 10);
        try (ArchiveLoad load = archive.startLoad()) {
            assertThat(indexExists()).isTrue();
            store(10, 20);
        }
        assertThat(indexExists()).isTrue();
        assertEveryArticleFindsItself("through the index");
    }

    @Test
    void ofTwoLoadsIntoAnEmptyArchiveTheFirstPutsTheIndexOffAndBuildsIt() {
        ArchiveLoad first = archive.startLoad();
        try (ArchiveLoad second = archive.startLoad()) {
            store(0, 40);
            assertThat(second.tryClaim("hash-x"))
                    .as("claims still work beside the index")
                    .isTrue();
        }
        assertThat(indexExists())
                .as("the second load leaves the index to the first")
                .isFalse();
        store(40, ARTICLES);
        first.close();
        assertThat(indexExists()).isTrue();
        assertEveryArticleFindsItself("through the index");
    }

    @Test
    void anIndexAKilledLoadLeftUnbuiltIsBuiltWhenTheArchiveIsNextOpened() throws SQLException {
        ArchiveLoad killed = archive.startLoad();
        store(0, ARTICLES);
        terminateTheLoadHoldingTheIndex();
        assertThat(indexExists()).isFalse();
        killed.close(); // its connection is gone: nothing to build on, and nothing thrown

        try (PgVectorArchive reopened = PgVectorArchive.open(dataSource, false, MODEL, DIM, schema)) {
            assertThat(indexExists()).as("built on opening").isTrue();
            assertThat(reopened.stats().chunks()).isEqualTo(ARTICLES);
        }
        assertEveryArticleFindsItself("through the index");
    }

    @Test
    void theNextLoadTakesOverAnIndexAKilledLoadLeftUnbuilt() throws SQLException {
        ArchiveLoad killed = archive.startLoad();
        store(0, 60);
        terminateTheLoadHoldingTheIndex();
        killed.close();
        try (ArchiveLoad rerun = archive.startLoad()) {
            assertThat(indexExists()).as("still put off: the rerun builds it").isFalse();
            store(60, ARTICLES);
        }
        assertThat(indexExists()).isTrue();
        assertEveryArticleFindsItself("through the index");
    }

    @Test
    void tooLittleMemoryToBuildTheIndexIsRefusedWithTheSettingToChange() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PgVectorArchive.open(
                        dataSource, false, MODEL, DIM, schema, PgVectorArchive.DEFAULT_EF_SEARCH, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newsqa.db.index-build-memory");
    }

    private void store(int from, int to) {
        List<StoredArticle> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            float[] vector = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                vector[d] = (float) random.nextGaussian();
            }
            vectors.add(vector);
            String id = "a" + i;
            Article article = new Article(
                    id,
                    "https://news.example/" + id,
                    "title " + id,
                    "wire",
                    OffsetDateTime.parse("2025-01-01T10:00:00+02:00"),
                    "en",
                    "hash-" + id,
                    "Body of article " + i + ".");
            batch.add(new StoredArticle(article, List.of(new Chunk(id, 0, "Body of article " + i + ".", vector))));
        }
        archive.putAll(batch);
    }

    private void assertEveryArticleFindsItself(String how) {
        for (int i = 0; i < vectors.size(); i++) {
            List<ChunkHit> hits = archive.denseSearch(vectors.get(i), 1, SearchFilter.none());
            assertThat(hits)
                    .as(how + ": article a" + i)
                    .extracting(hit -> hit.article().id())
                    .containsExactly("a" + i);
        }
    }

    private boolean indexExists() {
        return queryBoolean("SELECT to_regclass(?) IS NOT NULL", '"' + schema + "\".chunks_embedding_hnsw_idx");
    }

    private boolean indexIsValidHnsw() {
        return queryBoolean(
                "SELECT i.indisvalid AND am.amname = 'hnsw' FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                        + " JOIN pg_am am ON am.oid = c.relam WHERE i.indexrelid = to_regclass(?)",
                '"' + schema + "\".chunks_embedding_hnsw_idx");
    }

    private boolean queryBoolean(String sql, String parameter) {
        try (Connection connection = TestDatabase.connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As a kill -9 of the loading process would: its session ends, and the lock with it. */
    private void terminateTheLoadHoldingTheIndex() throws SQLException {
        try (Connection connection = TestDatabase.connect();
                PreparedStatement terminate = connection.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_locks, hashtextextended(?, 0) AS key"
                                + " WHERE locktype = 'advisory' AND objsubid = 1"
                                + " AND classid::bigint = (key >> 32) & 4294967295 AND objid::bigint = key & 4294967295")) {
            terminate.setString(1, "newsqa-vector-index:" + schema);
            try (ResultSet rows = terminate.executeQuery()) {
                assertThat(rows.next()).as("one backend holds the index lock").isTrue();
                assertThat(rows.getBoolean(1)).isTrue();
            }
        }
        // pg_terminate_backend signals; the lock goes when the backend has ended
        for (int i = 0; i < 100 && lockHeld(); i++) {
            sleep();
        }
        assertThat(lockHeld()).isFalse();
    }

    private boolean lockHeld() {
        return queryBoolean(
                "SELECT EXISTS (SELECT 1 FROM pg_locks, hashtextextended(?, 0) AS key WHERE locktype = 'advisory'"
                        + " AND objsubid = 1 AND classid::bigint = (key >> 32) & 4294967295 AND objid::bigint = key & 4294967295)",
                "newsqa-vector-index:" + schema);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
