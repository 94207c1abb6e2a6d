package io.newsqa.archive.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import io.newsqa.archive.ArchiveLoad;
import io.newsqa.archive.ArchiveStats;
import io.newsqa.archive.Article;
import io.newsqa.archive.ArticleHit;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.StoredArticle;
import io.newsqa.archive.WeightedTerm;
import io.newsqa.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the contract cannot see: indexes, transactions, pools and PostgreSQL's text search. */
class PgVectorArchiveTest {

    private static final String MODEL = "pg-test-model";
    private static final int DIM = 8;

    private String schema;
    private HikariDataSource dataSource;
    private PgVectorArchive archive;

    @BeforeEach
    void open() {
        schema = TestDatabase.freshSchemaName("pgarchive");
        dataSource = TestDatabase.pool("pgarchive-test", 3);
        archive = PgVectorArchive.open(dataSource, true, MODEL, DIM, schema);
    }

    @AfterEach
    void close() {
        archive.close();
        TestDatabase.dropSchema(schema);
    }

    private static Article article(String id, String language, String body) {
        return new Article(
                id,
                "https://news.example/" + id,
                "title " + id,
                "wire",
                OffsetDateTime.parse("2025-01-01T10:00:00+02:00"),
                language,
                "hash-" + id,
                body);
    }

    private static float[] axis(int index) {
        float[] vector = new float[DIM];
        vector[index] = 1;
        return vector;
    }

    @Test
    void anIngestClaimHeldByOneRunIsRefusedToAnotherUntilReleasedOrClosed() {
        try (ArchiveLoad first = archive.startLoad();
                ArchiveLoad second = archive.startLoad()) {
            assertThat(first.tryClaim("hash-a")).isTrue();
            assertThat(second.tryClaim("hash-a")).as("held by the first run").isFalse();
            assertThat(second.tryClaim("hash-b")).as("another text is free").isTrue();
            first.release("hash-a");
            assertThat(second.tryClaim("hash-a")).isTrue();
            second.close(); // ends every claim of that run, and its connection goes back to the pool
            assertThat(first.tryClaim("hash-a")).isTrue();
            assertThat(first.tryClaim("hash-b")).isTrue();
        }
    }

    @Test
    void aPutThatFailsHalfwayLeavesThePreviousVersion() {
        Article first = article("a1", "en", "The council approved the budget.");
        archive.put(first, List.of(new Chunk("a1", 0, "The council approved the budget.", axis(0))));

        // PostgreSQL text cannot hold NUL: the second chunk fails after the article row and the
        // first chunk were written in the transaction.
        Article second = article("a1", "en", "Replaced body");
        assertThatThrownBy(() -> archive.put(
                        second,
                        List.of(
                                new Chunk("a1", 0, "Replaced body", axis(1)),
                                new Chunk("a1", 1, "broken \u0000 text", axis(2)))))
                .isInstanceOf(ArchiveStorageException.class)
                .hasMessageContaining("a1");

        assertThat(archive.findArticle("a1")).contains(first);
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(1, 1));
        assertThat(archive.lexicalSearch("budget", "en", 5, SearchFilter.none()))
                .extracting(ChunkHit::key)
                .containsExactly("a1#0");
    }

    @Test
    void refusesToOpenWithAnotherDimensionNamingBoth() {
        archive.close();

        assertThatThrownBy(() ->
                        PgVectorArchive.open(TestDatabase.pool("pgarchive-test", 3), true, MODEL, DIM * 2, schema))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MODEL)
                .hasMessageContaining(DIM + " dimensions")
                .hasMessageContaining(DIM * 2 + " dimensions")
                .hasMessageContaining("re-embed");
        archive = PgVectorArchive.open(TestDatabase.pool("pgarchive-test", 3), true, MODEL, DIM, schema);
    }

    @Test
    void rejectsASchemaNameThatIsNotAPlainIdentifier() {
        HikariDataSource borrowed = TestDatabase.pool("pgarchive-test", 3);
        try {
            assertThatThrownBy(() -> PgVectorArchive.open(borrowed, false, MODEL, DIM, "x\"; DROP TABLE y; --"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Schema name");
            assertThat(borrowed.isClosed()).isFalse();
        } finally {
            borrowed.close();
        }
    }

    @Test
    void closesThePoolOnlyWhenItOwnsIt() {
        HikariDataSource borrowed = TestDatabase.pool("pgarchive-test", 3);
        try {
            PgVectorArchive.open(borrowed, false, MODEL, DIM, schema).close();
            assertThat(borrowed.isClosed()).isFalse();
        } finally {
            borrowed.close();
        }
        archive.close();
        assertThat(dataSource.isClosed()).isTrue();
        assertThatThrownBy(() -> archive.stats())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        archive = PgVectorArchive.open(TestDatabase.pool("pgarchive-test", 3), true, MODEL, DIM, schema);
    }

    @Test
    void arabicSpellingVariantsAndDiacriticsMatchEachOther() {
        archive.put(
                article("ar1", "ar", "x"),
                List.of(new Chunk("ar1", 0, "أعلنت الحكومة إغلاق المستشفى القديم", axis(0))));

        assertThat(archive.lexicalSearch("اعلنت الحكومه اغلاق", "ar", 5, SearchFilter.none()))
                .extracting(ChunkHit::key)
                .containsExactly("ar1#0");
        assertThat(archive.lexicalSearch("المستشفـــى", "ar", 5, SearchFilter.none()))
                .extracting(ChunkHit::key)
                .containsExactly("ar1#0");
        assertThat(archive.lexicalSearch("الحُكُومَة", "ar", 5, SearchFilter.none()))
                .extracting(ChunkHit::key)
                .containsExactly("ar1#0");
    }

    @Test
    void questionsWithQuotesBackslashesAndOperatorsAreWordsNotSyntax() {
        archive.put(
                article("en1", "en", "x"),
                List.of(new Chunk("en1", 0, "O'Brien's budget passed at 5 o'clock.", axis(0))));

        assertThat(archive.lexicalSearch("O'Brien's \\ budget & !:* <-> 'x", "en", 5, SearchFilter.none()))
                .extracting(ChunkHit::key)
                .containsExactly("en1#0");
        assertThat(archive.lexicalSearch("'\\'' \\\\", "en", 5, SearchFilter.none()))
                .isEmpty();
    }

    @Test
    void moreRelevantChunksRankFirstLexically() {
        archive.put(
                article("r1", "en", "x"),
                List.of(
                        new Chunk("r1", 0, "Flooding closed the road.", axis(0)),
                        new Chunk(
                                "r1", 1, "Flooding closed the road after the river flooded the valley again.", axis(1)),
                        new Chunk("r1", 2, "The election results arrived late.", axis(2))));

        List<ChunkHit> hits = archive.lexicalSearch("river flood valley", "en", 5, SearchFilter.none());

        assertThat(hits).extracting(ChunkHit::key).containsExactly("r1#1", "r1#0");
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    }

    /**
     * The HNSW scan returns at most ef_search candidates; without the iterative scan a filter
     * that rejects all of them would leave the answer empty although matching chunks exist. The
     * filter accepts half the archive, so the planner expects the index to be cheap, but exactly
     * the half far from the query: the correlation the planner cannot see.
     */
    @Test
    void aFilteredVectorSearchStillFindsRowsBeyondTheFirstCandidates() {
        Random random = new Random(7);
        fill(random, 80, 10, "en", 0); // 800 chunks close to the query
        fill(random, 80, 10, "ar", 5); // 800 far from it, the only ones the filter accepts
        vacuumAnalyze();

        List<ChunkHit> hits = archive.denseSearch(axis(0), 20, new SearchFilter(null, null, null, Set.of("ar")));

        assertThat(hits).hasSize(20);
        assertThat(hits).allSatisfy(hit -> assertThat(hit.article().language()).isEqualTo("ar"));
        assertThat(hits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void searchesUseTheHnswIndexAndTheBm25Postings() throws Exception {
        Random random = new Random(11);
        fill(random, 300, 10, "en", 0);
        archive.put(
                article("rare", "en", "x"),
                List.of(new Chunk("rare", 0, "A zeppelin landed in the harbour.", axis(3))));
        vacuumAnalyze();

        assertThat(archive.denseSearch(axis(3), 5, SearchFilter.none())).hasSize(5);
        assertThat(archive.lexicalSearch("zeppelin", "en", 5, SearchFilter.none()))
                .extracting(ChunkHit::key)
                .containsExactly("rare#0");
        assertThat(archive.weightedLexicalSearch(
                        List.of(new WeightedTerm("zeppelin", 1)), "en", 5, SearchFilter.none()))
                .extracting(ChunkHit::key)
                .containsExactly("rare#0");
        // A backend publishes its statistics when it ends at the latest: closing the pool ends
        // the backends that ran the searches (writes never scan these two indexes).
        archive.close();

        assertThat(indexScansOnceFlushed("chunks_embedding_hnsw_idx")).isPositive();
        assertThat(indexScansOnceFlushed("bm25_postings_pkey"))
                .as("lexical search")
                .isPositive();
        assertThat(indexScansOnceFlushed("chunks_tsv_gin_idx"))
                .as("weighted lexical search")
                .isPositive();
    }

    /**
     * BM25 reads the statistics kept at ingest (V13) instead of counting: after articles are
     * replaced and deleted they must be exactly what a fresh archive holding the same chunks has,
     * so every score is the same to the last digit.
     */
    @Test
    void bm25StatisticsFollowReplacedAndDeletedChunks() {
        archive.put(
                article("keep", "en", "x"),
                List.of(
                        new Chunk("keep", 0, "The river flooded the valley and the river rose again.", axis(0)),
                        new Chunk("keep", 1, "Flood barriers held in the north.", axis(1))));
        archive.put(
                article("gone", "en", "x"),
                List.of(new Chunk("gone", 0, "River flood warnings were lifted.", axis(2))));
        archive.put(
                article("changed", "en", "x"),
                List.of(
                        new Chunk("changed", 0, "An old text about floods.", axis(3)),
                        new Chunk("changed", 1, "Another old text with a river.", axis(4))));
        archive.put(
                article("changed", "en", "x"),
                List.of(new Chunk("changed", 0, "The flood reached the river town.", axis(3))));
        assertThat(archive.delete("gone")).isTrue();

        String freshSchema = TestDatabase.freshSchemaName("pgarchive");
        try (PgVectorArchive fresh =
                PgVectorArchive.open(TestDatabase.pool("pgarchive-fresh", 3), true, MODEL, DIM, freshSchema)) {
            fresh.put(
                    article("keep", "en", "x"),
                    List.of(
                            new Chunk("keep", 0, "The river flooded the valley and the river rose again.", axis(0)),
                            new Chunk("keep", 1, "Flood barriers held in the north.", axis(1))));
            fresh.put(
                    article("changed", "en", "x"),
                    List.of(new Chunk("changed", 0, "The flood reached the river town.", axis(3))));

            List<ChunkHit> hits = archive.lexicalSearch("river flood", "en", 10, SearchFilter.none());
            assertThat(hits).extracting(ChunkHit::key).containsExactlyInAnyOrder("keep#0", "keep#1", "changed#0");
            assertThat(hits)
                    .extracting(ChunkHit::key, ChunkHit::score)
                    .containsExactlyElementsOf(
                            fresh.lexicalSearch("river flood", "en", 10, SearchFilter.none()).stream()
                                    .map(hit -> tuple(hit.key(), hit.score()))
                                    .toList());
            List<WeightedTerm> terms = List.of(new WeightedTerm("river", 1), new WeightedTerm("flood", 1));
            assertThat(archive.articleLexicalSearch(terms, "en", 10, SearchFilter.none()))
                    .as("article ranking from the kept lengths, as on an archive that never held the old chunks")
                    .extracting(ArticleHit::articleId, ArticleHit::score)
                    .containsExactlyElementsOf(fresh.articleLexicalSearch(terms, "en", 10, SearchFilter.none()).stream()
                            .map(hit -> tuple(hit.articleId(), hit.score()))
                            .toList());
            assertThat(postingsMatchTheChunks(schema)).isTrue();
        } finally {
            TestDatabase.dropSchema(freshSchema);
        }
    }

    /**
     * Since V14 a trigger fills the tsvector and the token count (one analysis instead of two
     * generated columns): they must be what the generated columns computed, on insert and when a
     * chunk's text is changed in place, with the postings following; a whole group goes in with one
     * statement, a later version in the group winning.
     */
    @Test
    void textSearchColumnsArePreciselyWhatTheGeneratedColumnsGaveAndFollowAnUpdate() throws SQLException {
        archive.putAll(List.of(
                new StoredArticle(
                        article("ar1", "ar", "x"),
                        List.of(
                                new Chunk("ar1", 0, "أعلنت وزارة الصحة عن افتتاح مستشفى جديد في المدينة", axis(0)),
                                new Chunk("ar1", 1, "وقال الوزير إن المستشفى يضم مئتي سرير", axis(1)))),
                new StoredArticle(
                        article("en1", "en", "x"), List.of(new Chunk("en1", 0, "An old text about floods.", axis(2)))),
                new StoredArticle(
                        article("en1", "en", "x"),
                        List.of(
                                new Chunk("en1", 0, "The river flooded the valley and the river rose again.", axis(3)),
                                new Chunk("en1", 1, "Flood barriers held.", axis(4))))));
        assertThat(archive.stats()).isEqualTo(new ArchiveStats(2, 4));
        String generated = "SELECT bool_and(tsv = to_tsvector(ts_config, search_text)" + " AND tokens = " + schema
                + ".tsvector_token_count(to_tsvector(ts_config, search_text))) FROM " + schema + ".chunks";
        try (Connection connection = TestDatabase.connect();
                Statement sql = connection.createStatement()) {
            try (ResultSet row = sql.executeQuery(generated)) {
                row.next();
                assertThat(row.getBoolean(1)).isTrue();
            }
            sql.executeUpdate("UPDATE " + schema
                    + ".chunks SET search_text = 'Storm warnings for the coast' WHERE article_id = 'en1'"
                    + " AND ordinal = 1");
            try (ResultSet row = sql.executeQuery(generated)) {
                row.next();
                assertThat(row.getBoolean(1)).isTrue();
            }
        }
        assertThat(postingsMatchTheChunks(schema)).isTrue();
        assertThat(archive.lexicalSearch("storm", "en", 5, SearchFilter.none()))
                .extracting(ChunkHit::key)
                .containsExactly("en1#1");
        assertThat(archive.lexicalSearch("barriers", "en", 5, SearchFilter.none()))
                .isEmpty();
    }

    /**
     * The postings, the corpus row and the article lengths hold exactly what counting over the
     * chunks gives.
     */
    private static boolean postingsMatchTheChunks(String schema) {
        String s = "\"" + schema + "\".";
        String counted =
                "SELECT u.lexeme, c.article_id, c.ordinal, coalesce(array_length(u.positions, 1), 1) AS tf, c.tokens"
                        + " FROM " + s + "chunks c, unnest(c.tsv) u";
        String kept = "SELECT lexeme, article_id, ordinal, tf, tokens FROM " + s + "bm25_postings";
        String countedLengths = "SELECT article_id, ts_config, count(*)::int, coalesce(sum(tokens), 0)::bigint FROM "
                + s + "chunks GROUP BY article_id, ts_config";
        String keptLengths = "SELECT article_id, ts_config, chunks, tokens FROM " + s + "bm25_article_lengths";
        try (Connection connection = TestDatabase.connect();
                PreparedStatement query = connection.prepareStatement("SELECT NOT EXISTS ((" + counted
                        + ") EXCEPT ALL (" + kept + ")) AND NOT EXISTS ((" + kept + ") EXCEPT ALL (" + counted + "))"
                        + " AND (SELECT (chunks, tokens) = (SELECT count(*), coalesce(sum(tokens), 0) FROM " + s
                        + "chunks)"
                        + " FROM " + s + "bm25_corpus)"
                        + " AND NOT EXISTS ((" + countedLengths + ") EXCEPT ALL (" + keptLengths + "))"
                        + " AND NOT EXISTS ((" + keptLengths + ") EXCEPT ALL (" + countedLengths + "))");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long indexScansOnceFlushed(String index) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long scans;
        do {
            scans = indexScans(index);
            if (scans > 0) {
                return scans;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return scans;
    }

    private long indexScans(String index) throws SQLException {
        try (Connection connection = TestDatabase.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT idx_scan FROM pg_stat_user_indexes WHERE schemaname = ? AND indexrelname = ?")) {
            query.setString(1, schema);
            query.setString(2, index);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next())
                        .as("index %s exists in %s", index, schema)
                        .isTrue();
                return row.getLong(1);
            }
        }
    }

    /**
     * Articles of {@code chunksEach} chunks with vectors scattered around one axis and about as
     * many words as real chunks (150 drawn from 3,000), so that the planner sees a realistic table.
     */
    private void fill(Random random, int articles, int chunksEach, String language, int axis) {
        for (int a = 0; a < articles; a++) {
            String id = language + "-" + axis + "-" + a;
            List<Chunk> chunks = new ArrayList<>();
            for (int c = 0; c < chunksEach; c++) {
                float[] vector = new float[DIM];
                for (int d = 0; d < DIM; d++) {
                    vector[d] = random.nextFloat() * 0.2f;
                }
                vector[axis] += 1;
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 150; w++) {
                    text.append("word").append(random.nextInt(3000)).append(' ');
                }
                chunks.add(new Chunk(id, c, text.toString().strip(), vector));
            }
            archive.put(article(id, language, "body " + id), chunks);
        }
    }

    /**
     * What autovacuum does after an ingest: fresh statistics, and the GIN index's pending list
     * merged (until then the planner rightly prefers scanning the table).
     */
    private void vacuumAnalyze() {
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE \"" + schema + "\".articles");
            statement.execute("VACUUM ANALYZE \"" + schema + "\".chunks");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
