package io.newsqa.archive.postgres;

import com.pgvector.PGvector;
import io.newsqa.archive.ArchiveCatalog;
import io.newsqa.archive.ArchiveFacets;
import io.newsqa.archive.ArchiveStats;
import io.newsqa.archive.Article;
import io.newsqa.archive.ArticleSummary;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.RecordedStory;
import io.newsqa.archive.StoredArticle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** The PostgreSQL archive as administration and copying read it: lookups, pages, counts, a full scan. */
final class PgCatalog implements ArchiveCatalog {

    private final ArchiveConnections db;
    private final String articles;
    private final String chunks;

    PgCatalog(ArchiveConnections db, ArchiveSchema schema) {
        this.db = db;
        this.articles = schema.table("articles");
        this.chunks = schema.table("chunks");
    }

    @Override
    public Optional<Article> findArticle(String id) {
        return findOne("find article " + id, "a.id = ?", id);
    }

    @Override
    public Optional<Article> findByContentHash(String contentHash) {
        return findOne("find article by content hash", "a.content_hash = ?", contentHash);
    }

    private Optional<Article> findOne(String operation, String condition, String value) {
        return db.withConnection(operation, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + ArticleRows.COLUMNS + " FROM "
                    + articles + " a WHERE " + condition + " ORDER BY a.ingested_at, a.id LIMIT 1")) {
                query.setString(1, value);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(ArticleRows.read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public ArchiveStats stats() {
        return db.withConnection("count articles and chunks", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                            "SELECT (SELECT count(*) FROM " + articles + "), (SELECT count(*) FROM " + chunks + ")");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return new ArchiveStats(row.getLong(1), row.getLong(2));
            }
        });
    }

    @Override
    public List<ArticleSummary> listArticles(int offset, int limit) {
        ArchiveCatalog.requireValidPage(offset, limit);
        if (limit == 0) {
            return List.of();
        }
        return db.withConnection("list articles", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + ArticleRows.COLUMNS
                    + ", a.ingested_at FROM " + articles + " a ORDER BY a.ingested_at DESC, a.id OFFSET ? LIMIT ?")) {
                query.setInt(1, offset);
                query.setInt(2, limit);
                List<ArticleSummary> page = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        page.add(ArticleSummary.of(
                                ArticleRows.read(row),
                                row.getObject("ingested_at", OffsetDateTime.class)
                                        .toInstant()));
                    }
                }
                return page;
            }
        });
    }

    @Override
    public void forEachArticle(Consumer<StoredArticle> action) {
        Objects.requireNonNull(action, "action");
        // One statement read through a cursor (a fetch size needs a transaction), rows grouped by
        // article: the archive never has to fit in memory.
        db.inTransaction("read the stored articles", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + ArticleRows.COLUMNS
                    + ", c.ordinal, c.text, c.embedding::text AS embedding FROM " + articles + " a LEFT JOIN " + chunks
                    + " c ON c.article_id = a.id ORDER BY a.id, c.ordinal")) {
                query.setFetchSize(500);
                try (ResultSet row = query.executeQuery()) {
                    Article current = null;
                    List<Chunk> chunkList = new ArrayList<>();
                    while (row.next()) {
                        String id = row.getString("id");
                        if (current == null || !current.id().equals(id)) {
                            if (current != null) {
                                action.accept(new StoredArticle(current, chunkList));
                            }
                            current = ArticleRows.read(row);
                            chunkList = new ArrayList<>();
                        }
                        String embedding = row.getString("embedding");
                        if (embedding != null) {
                            chunkList.add(new Chunk(
                                    id,
                                    row.getInt("ordinal"),
                                    row.getString("text"),
                                    new PGvector(embedding).toArray()));
                        }
                    }
                    if (current != null) {
                        action.accept(new StoredArticle(current, chunkList));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public List<RecordedStory> recordedStories() {
        return db.withConnection("read the recorded stories", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, published_at, published_offset, story_id FROM " + articles)) {
                List<RecordedStory> stories = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        stories.add(new RecordedStory(
                                row.getString("id"), ArticleRows.publishedAt(row), row.getString("story_id")));
                    }
                }
                return stories;
            }
        });
    }

    @Override
    public ArchiveFacets facets() {
        return db.withConnection(
                "count articles per language and source",
                connection -> new ArchiveFacets(countBy(connection, "language"), countBy(connection, "source")));
    }

    /** Articles per value of a column; the column name is one of ours, never user input. */
    private Map<String, Long> countBy(Connection connection, String column) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + column + ", count(*) FROM " + articles
                        + " WHERE " + column + " IS NOT NULL GROUP BY " + column);
                ResultSet row = query.executeQuery()) {
            while (row.next()) {
                counts.put(row.getString(1), row.getLong(2));
            }
        }
        return counts;
    }
}
