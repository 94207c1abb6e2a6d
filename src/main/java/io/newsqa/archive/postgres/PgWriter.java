package io.newsqa.archive.postgres;

import com.pgvector.PGvector;
import io.newsqa.archive.ArchiveLoad;
import io.newsqa.archive.ArchiveWriter;
import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.StoredArticle;
import io.newsqa.text.ArabicNormalizer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The PostgreSQL archive as ingestion writes it: articles upserted with their chunks in one
 * transaction per call; the tsvectors, token counts and BM25 postings are made in the server
 * (V14 triggers).
 */
final class PgWriter implements ArchiveWriter {

    private final ArchiveConnections db;
    private final ArchiveSchema schema;
    private final int dimension;
    private final int indexBuildMemoryMb;
    private final String articles;
    private final String chunks;

    PgWriter(ArchiveConnections db, ArchiveSchema schema, int dimension, int indexBuildMemoryMb) {
        this.db = db;
        this.schema = schema;
        this.dimension = dimension;
        this.indexBuildMemoryMb = indexBuildMemoryMb;
        this.articles = schema.table("articles");
        this.chunks = schema.table("chunks");
    }

    @Override
    public void put(Article article, List<Chunk> chunkList) {
        putAll(List.of(new StoredArticle(article, chunkList)));
    }

    @Override
    public void putAll(List<StoredArticle> batch) {
        Objects.requireNonNull(batch, "articles");
        batch.forEach(a -> validate(a.article(), a.chunks()));
        if (batch.isEmpty()) {
            return;
        }
        String what = batch.size() == 1
                ? "store article " + batch.get(0).article().id()
                : "store " + batch.size() + " articles";
        db.inTransaction(what, connection -> {
            // Upsert rather than delete-then-insert: a concurrent put of the same id waits on the
            // row lock instead of failing on the primary key.
            Map<String, StoredArticle> latest = new LinkedHashMap<>();
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + articles
                    + " (" + ArticleRows.INSERT_COLUMNS + ") VALUES (" + ArticleRows.INSERT_VALUES + ")"
                    + " ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, title = EXCLUDED.title,"
                    + " source = EXCLUDED.source, published_at = EXCLUDED.published_at,"
                    + " published_offset = EXCLUDED.published_offset, language = EXCLUDED.language,"
                    + " content_hash = EXCLUDED.content_hash, body = EXCLUDED.body, story_id = EXCLUDED.story_id,"
                    + " title_search_text = EXCLUDED.title_search_text, title_config = EXCLUDED.title_config,"
                    + " ingested_at = now()")) {
                // In order: a later version of an article in the same batch replaces the earlier one.
                for (StoredArticle entry : batch) {
                    ArticleRows.bindInsert(upsert, entry.article());
                    upsert.executeUpdate();
                    latest.put(entry.article().id(), entry);
                }
            }
            replaceChunks(connection, latest.values());
            return null;
        });
    }

    /**
     * The chunks of these articles (each id once) replace their old ones: one DELETE and one
     * INSERT for the whole group rather than one statement per chunk, so that the server plans
     * and runs a statement, and fires the BM25 triggers (per statement, V14), once per group. The
     * tsvector, token count and postings are made in the server (V14 triggers).
     */
    private void replaceChunks(Connection connection, Collection<StoredArticle> entries) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<Chunk> all = new ArrayList<>();
        List<String> configs = new ArrayList<>();
        for (StoredArticle entry : entries) {
            ids.add(entry.article().id());
            String tsConfig = TextSearchConfig.forLanguage(entry.article().language());
            for (Chunk chunk : entry.chunks()) {
                all.add(chunk);
                configs.add(tsConfig);
            }
        }
        try (PreparedStatement deleteOld =
                connection.prepareStatement("DELETE FROM " + chunks + " WHERE article_id = ANY (?)")) {
            deleteOld.setArray(1, connection.createArrayOf("text", ids.toArray()));
            deleteOld.executeUpdate();
        }
        if (all.isEmpty()) {
            return;
        }
        String[] articleIds = new String[all.size()];
        Integer[] ordinals = new Integer[all.size()];
        String[] texts = new String[all.size()];
        String[] searchTexts = new String[all.size()];
        String[] vectors = new String[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Chunk chunk = all.get(i);
            articleIds[i] = chunk.articleId();
            ordinals[i] = chunk.ordinal();
            texts[i] = chunk.text();
            searchTexts[i] = ArabicNormalizer.normalize(chunk.text());
            // pgvector's text form, as PGvector sends a single vector
            vectors[i] = new PGvector(chunk.embedding()).getValue();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + chunks
                + " (article_id, ordinal, text, search_text, ts_config, embedding)"
                + " SELECT article_id, ordinal, text, search_text, ts_config::regconfig, embedding::vector"
                + " FROM unnest(?::text[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[])"
                + " AS c (article_id, ordinal, text, search_text, ts_config, embedding)")) {
            insert.setArray(1, connection.createArrayOf("text", articleIds));
            insert.setArray(2, connection.createArrayOf("int4", ordinals));
            insert.setArray(3, connection.createArrayOf("text", texts));
            insert.setArray(4, connection.createArrayOf("text", searchTexts));
            insert.setArray(5, connection.createArrayOf("text", configs.toArray()));
            insert.setArray(6, connection.createArrayOf("text", vectors));
            insert.executeUpdate();
        }
    }

    /** Everything that can be checked without the database, so that a bad put writes nothing. */
    private void validate(Article article, List<Chunk> chunkList) {
        Set<Integer> ordinals = new HashSet<>();
        for (Chunk chunk : chunkList) {
            Objects.requireNonNull(chunk, "chunk");
            if (!chunk.articleId().equals(article.id())) {
                throw new IllegalArgumentException("Chunk " + chunk.ordinal() + " belongs to article '"
                        + chunk.articleId() + "', not to the article being stored ('" + article.id() + "')");
            }
            if (chunk.embedding().length != dimension) {
                throw new IllegalArgumentException("Chunk " + chunk.ordinal() + " of article '" + article.id()
                        + "' has a vector of" + " dimension " + chunk.embedding().length
                        + "; this archive stores dimension " + dimension);
            }
            if (chunk.ordinal() < 0 || !ordinals.add(chunk.ordinal())) {
                throw new IllegalArgumentException("Chunk ordinal " + chunk.ordinal() + " of article '" + article.id()
                        + "' is negative or repeated; ordinals count the article's chunks from 0");
            }
        }
    }

    /** Claims by advisory lock; the vector index put off while a load fills an empty archive ({@link DeferredVectorIndex}). */
    @Override
    public ArchiveLoad startLoad() {
        db.requireOpen();
        return new PostgresLoad(db.dataSource(), schema, indexBuildMemoryMb);
    }

    @Override
    public boolean delete(String articleId) {
        return db.withConnection("delete article " + articleId, connection -> {
            // Chunks go with it: ON DELETE CASCADE, in the same statement.
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + articles + " WHERE id = ?")) {
                delete.setString(1, articleId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int setStories(Map<String, String> storyByArticle) {
        Objects.requireNonNull(storyByArticle, "storyByArticle");
        if (storyByArticle.isEmpty()) {
            return 0;
        }
        // A plain UPDATE of one column: the chunks, their vectors and the BM25 postings are not
        // touched (no trigger fires on articles). No story recorded reads as the article's own.
        return db.inTransaction("set the story of " + storyByArticle.size() + " articles", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + articles + " SET story_id = ? WHERE id = ? AND coalesce(story_id, id) <> ?")) {
                for (Map.Entry<String, String> link : storyByArticle.entrySet()) {
                    update.setString(1, link.getValue());
                    update.setString(2, link.getKey());
                    update.setString(3, link.getValue());
                    update.addBatch();
                }
                int changed = 0;
                for (int count : update.executeBatch()) {
                    changed += count;
                }
                return changed;
            }
        });
    }
}
