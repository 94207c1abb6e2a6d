package io.newsqa.archive.postgres;

import com.pgvector.PGvector;
import io.newsqa.archive.ArchiveSearch;
import io.newsqa.archive.ArticleHit;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.WeightedTerm;
import io.newsqa.text.ArabicNormalizer;
import io.newsqa.text.LanguageAnalyzers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The PostgreSQL archive as a question searches it: HNSW over the chunk vectors, BM25 from the
 * postings kept at ingest, weighted and article rankings over the tsvectors; the statements are
 * the {@code .sql} files of {@link ArchiveSql}. Hits carry their article without its body.
 */
final class PgSearch implements ArchiveSearch {

    /** pgvector refuses larger candidate lists; above it the iterative scan supplies the rest. */
    private static final int MAX_EF_SEARCH = 1000;

    private final ArchiveConnections db;
    private final ArchiveSql sql;
    private final int dimension;
    private final int efSearch;
    private final String articles;
    private final String chunks;

    PgSearch(ArchiveConnections db, ArchiveSchema schema, int dimension, int efSearch) {
        this.db = db;
        this.sql = new ArchiveSql(schema);
        this.dimension = dimension;
        this.efSearch = efSearch;
        this.articles = schema.table("articles");
        this.chunks = schema.table("chunks");
    }

    @Override
    public List<ChunkHit> denseSearch(float[] queryVector, int limit, SearchFilter filter) {
        return denseSearch(queryVector, limit, filter, efSearch);
    }

    @Override
    public List<ChunkHit> denseSearch(float[] queryVector, int limit, SearchFilter filter, int candidates) {
        ArchiveSearch.requireValidEfSearch(candidates);
        Objects.requireNonNull(queryVector, "queryVector");
        if (queryVector.length != dimension) {
            throw new IllegalArgumentException("Query vector has dimension " + queryVector.length
                    + "; this archive stores dimension " + dimension);
        }
        if (limit <= 0) {
            return List.of();
        }
        FilterClause where = new FilterClause(filter);
        int listSize = Math.min(Math.max(candidates, limit), MAX_EF_SEARCH);
        // The HNSW scan yields at most ef_search candidates; with a filter or a limit above it,
        // the iterative scan keeps going until enough rows pass. Relaxed order may return rows
        // slightly out of order, so the outer query sorts the few rows found again.
        boolean iterative = where.restricts() || limit > listSize;
        String statement = sql.statement("dense-search", where);
        return db.inTransaction("search by vector", connection -> {
            ArchiveConnections.setLocal(connection, "hnsw.ef_search", Integer.toString(listSize));
            if (iterative) {
                ArchiveConnections.setLocal(connection, "hnsw.iterative_scan", "relaxed_order");
            }
            try (PreparedStatement query = connection.prepareStatement(statement)) {
                query.setObject(1, new PGvector(queryVector));
                int next = where.bind(connection, query, 2);
                query.setInt(next, limit);
                return hits(query, "distance", distance -> 1.0 - distance);
            }
        });
    }

    @Override
    public List<ChunkHit> lexicalSearch(String queryText, String language, int limit, SearchFilter filter) {
        Objects.requireNonNull(queryText, "queryText");
        if (limit <= 0 || queryText.isBlank()) {
            return List.of();
        }
        String tsConfig = TextSearchConfig.forLanguage(language);
        String normalised = ArabicNormalizer.normalize(LanguageAnalyzers.withoutStopWords(queryText, language));
        FilterClause where = new FilterClause(filter);
        // Okapi BM25 over the tsvectors, as Lucene scores the embedded archive: ts_rank has no
        // inverse document frequency, so a common word would count as much as a rare name
        // (docs/results/2026-11-29-retrieval.md).
        // Chunks of every language are searched: an English question still finds an Arabic chunk
        // by a number or a Latin name.
        String statement = sql.statement("lexical-search", where);
        return db.inTransaction("search by words", connection -> {
            // The planner cannot see how few postings a lexeme has; its estimate may pass the JIT
            // threshold, and compiling (200 ms and more) would cost far more than the query (ms).
            ArchiveConnections.setLocal(connection, "jit", "off");
            try (PreparedStatement query = connection.prepareStatement(statement)) {
                query.setString(1, tsConfig);
                query.setString(2, normalised);
                int next = where.bind(connection, query, 3);
                query.setInt(next, limit);
                return hits(query, "score", score -> score);
            }
        });
    }

    @Override
    public List<ChunkHit> weightedLexicalSearch(
            List<WeightedTerm> terms, String language, int limit, SearchFilter filter) {
        Objects.requireNonNull(terms, "terms");
        if (limit <= 0 || terms.isEmpty()) {
            return List.of();
        }
        String[] texts = terms.stream()
                .map(term -> ArabicNormalizer.normalize(term.text()))
                .toArray(String[]::new);
        Double[] weights = terms.stream().map(WeightedTerm::weight).toArray(Double[]::new);
        FilterClause where = new FilterClause(filter);
        // Each term's lexemes share its weight; a lexeme from several terms adds their weights.
        // The score is the sum of weight x ts_rank of each lexeme alone (ts_rank has no query
        // weights of its own), normalised by length like the plain lexical search. Only chunks
        // analysed as the terms' language, as the embedded archive's per-language fields do: the
        // terms are a translation into that language, and their numbers and Latin names matching
        // chunks of the question's own language would count them twice.
        String statement = sql.statement("weighted-lexical-search", where);
        return db.withConnection("search by weighted words", connection -> {
            try (PreparedStatement query = connection.prepareStatement(statement)) {
                bindWeightedWords(connection, query, texts, weights, language);
                query.setString(4, TextSearchConfig.forLanguage(language));
                int next = where.bind(connection, query, 5);
                query.setInt(next, limit);
                return hits(query, "score", score -> score);
            }
        });
    }

    @Override
    public List<ArticleHit> articleLexicalSearch(
            List<WeightedTerm> terms, String language, int limit, SearchFilter filter) {
        Objects.requireNonNull(terms, "terms");
        if (limit <= 0 || terms.isEmpty()) {
            return List.of();
        }
        String[] texts = terms.stream()
                .map(term -> ArabicNormalizer.normalize(LanguageAnalyzers.withoutStopWords(term.text(), language)))
                .toArray(String[]::new);
        Double[] weights = terms.stream().map(WeightedTerm::weight).toArray(Double[]::new);
        FilterClause where = new FilterClause(filter);
        // The statistics are of the terms' language's articles, as the embedded archive's
        // per-language fields keep them.
        String statement = sql.statement("article-lexical-search", where);
        return db.withConnection("search articles by words", connection -> {
            try (PreparedStatement query = connection.prepareStatement(statement)) {
                bindWeightedWords(connection, query, texts, weights, language);
                String tsConfig = TextSearchConfig.forLanguage(language);
                for (int config = 4; config <= 6; config++) {
                    query.setString(config, tsConfig);
                }
                int next = where.bind(connection, query, 7);
                query.setString(next++, tsConfig);
                query.setString(next++, tsConfig);
                query.setString(next++, tsConfig);
                next = where.bind(connection, query, next);
                query.setInt(next, limit);
                List<ArticleHit> hits = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        hits.add(new ArticleHit(rows.getString(1), rows.getDouble(2)));
                    }
                }
                return hits;
            }
        });
    }

    private static void bindWeightedWords(
            Connection connection, PreparedStatement query, String[] texts, Double[] weights, String language)
            throws SQLException {
        query.setArray(1, connection.createArrayOf("text", texts));
        query.setArray(2, connection.createArrayOf("float8", weights));
        query.setString(3, TextSearchConfig.forLanguage(language));
    }

    @Override
    public Map<String, String> bodies(Collection<String> articleIds) {
        Objects.requireNonNull(articleIds, "articleIds");
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return db.withConnection("read article bodies", connection -> {
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT id, body FROM " + articles + " WHERE id = ANY (?)")) {
                query.setArray(1, connection.createArrayOf("text", articleIds.toArray()));
                Map<String, String> bodies = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        bodies.put(rows.getString(1), rows.getString(2));
                    }
                }
                return bodies;
            }
        });
    }

    @Override
    public Map<String, Integer> vocabulary(String language) {
        // 'simple': lower-cased, unstemmed words; the array of a tsvector holds each word once.
        String statement = "SELECT word, count(*) FROM " + chunks + " c JOIN " + articles + " a ON a.id = c.article_id,"
                + " unnest(tsvector_to_array(to_tsvector('simple', c.search_text))) AS word"
                + " WHERE a.language = ? GROUP BY word";
        return db.withConnection("list the words of " + language + " chunks", connection -> {
            try (PreparedStatement query = connection.prepareStatement(statement)) {
                query.setString(1, language);
                Map<String, Integer> counts = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getInt(2));
                    }
                }
                return counts;
            }
        });
    }

    private interface Score {
        double of(double column);
    }

    private static List<ChunkHit> hits(PreparedStatement query, String scoreColumn, Score score) throws SQLException {
        List<ChunkHit> hits = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                hits.add(new ChunkHit(
                        ArticleRows.readHeader(row),
                        row.getInt("ordinal"),
                        row.getString("text"),
                        score.of(row.getDouble(scoreColumn))));
            }
        }
        return hits;
    }

    @Override
    public Optional<OffsetDateTime> newestPublication() {
        return db.withConnection("find the newest article", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT published_at, published_offset FROM "
                            + articles + " WHERE published_at IS NOT NULL ORDER BY published_at DESC LIMIT 1");
                    ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(ArticleRows.publishedAt(row)) : Optional.<OffsetDateTime>empty();
            }
        });
    }

    @Override
    public int dimension() {
        return dimension;
    }
}
