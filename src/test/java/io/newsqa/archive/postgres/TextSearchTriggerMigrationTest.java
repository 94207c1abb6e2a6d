package io.newsqa.archive.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.support.OlderArchive;
import io.newsqa.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An archive of schema version 13 (tsvector and token count as generated columns, BM25 postings
 * kept per row) opens and is upgraded in place by V14: its chunks keep their tsvectors and
 * postings, and chunks stored after the upgrade are analysed and counted exactly as before.
 */
class TextSearchTriggerMigrationTest {

    private static final String MODEL = "v14-migration-model";
    private final String schema = TestDatabase.freshSchemaName("v14mig");

    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @Test
    void anArchiveOfVersion13KeepsItsChunksAndNewChunksMatchThem() throws Exception {
        OlderArchive.create(schema, "13", MODEL);

        try (PgVectorArchive archive =
                PgVectorArchive.open(TestDatabase.pool("v14-migration", 2), true, MODEL, 4, schema)) {
            Article fresh = new Article(
                    "new",
                    null,
                    "Harbour storm",
                    null,
                    null,
                    "en",
                    "hash-new",
                    "The storm closed the harbour for a week.");
            archive.put(fresh, List.of(new Chunk("new", 0, fresh.body(), new float[] {0, 1, 0, 0})));

            List<ChunkHit> hits = archive.lexicalSearch("harbour storm", "en", 5, SearchFilter.none());
            assertThat(hits).extracting(ChunkHit::key).containsExactlyInAnyOrder("old#0", "new#0");
            try (Connection connection = TestDatabase.connect();
                    Statement sql = connection.createStatement();
                    ResultSet row =
                            sql.executeQuery("SELECT count(*), bool_and(tsv = to_tsvector(ts_config, search_text)"
                                    + " AND tokens = " + schema + ".tsvector_token_count(tsv)),"
                                    + " (SELECT count(*) FROM " + schema + ".bm25_postings),"
                                    + " (SELECT count(*) FROM " + schema + ".chunks c, unnest(c.tsv)),"
                                    + " (SELECT chunks FROM " + schema + ".bm25_corpus)"
                                    + " FROM " + schema + ".chunks")) {
                row.next();
                assertThat(row.getLong(1)).isEqualTo(2);
                assertThat(row.getBoolean(2)).isTrue();
                assertThat(row.getLong(3)).isEqualTo(row.getLong(4)).isPositive();
                assertThat(row.getLong(5)).isEqualTo(2);
            }
        }
    }
}
