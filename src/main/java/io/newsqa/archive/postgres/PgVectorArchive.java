package io.newsqa.archive.postgres;

import com.pgvector.PGvector;
import io.newsqa.archive.ArchiveCatalog;
import io.newsqa.archive.ArchiveFacets;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveLoad;
import io.newsqa.archive.ArchiveModel;
import io.newsqa.archive.ArchiveSearch;
import io.newsqa.archive.ArchiveStats;
import io.newsqa.archive.Article;
import io.newsqa.archive.ArticleHit;
import io.newsqa.archive.ArticleSummary;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.RecordedStory;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.StoredArticle;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The archive in PostgreSQL: chunk vectors in a pgvector column with an HNSW index (cosine),
 * chunk text in a {@code tsvector} column with a GIN index, analysed with the text-search
 * configuration of the article's language after Arabic spelling normalisation.
 *
 * <p>Every statement binds its values as parameters. The only text put into SQL is the schema
 * name, which {@link ArchiveSchema} restricts to a plain identifier.
 *
 * <p>The pool: {@link #open(DataSource, boolean, String, int, String)} says whether the archive
 * owns the {@link DataSource}. An owned one is closed by {@link #close()} (and when opening
 * fails); a borrowed one is left open for its owner.
 */
public final class PgVectorArchive implements ArchiveIndex {

    /** HNSW candidate list per query: pgvector's default of 40 loses recall on larger archives. */
    public static final int DEFAULT_EF_SEARCH = 100;

    /**
     * Memory for building the vector index after a load: an HNSW graph of 384-dimension vectors
     * takes about 2 KB per chunk, so 1 GB holds half a million chunks.
     */
    public static final int DEFAULT_INDEX_BUILD_MEMORY_MB = 1024;

    /** BM25 term-frequency saturation and length normalisation: Lucene's defaults. */
    private static final double BM25_K1 = 1.2;

    private static final double BM25_B = 0.75;

    /** SQL: the text column {@code lexeme} as a quoted tsquery term (quotes and backslashes doubled). */
    private static final String QUOTED_LEXEME =
            "('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || '''')";

    /**
     * The lexemes of weighted terms in a language's analysis, {@code words(lexeme, weight)}: each
     * term's lexemes share its weight. Its three parameters are bound by {@link #bindWeightedWords}.
     */
    private static final String WEIGHTED_WORDS = "words AS ("
            + "  SELECT lexeme, t.weight / count(*) OVER (PARTITION BY t.ord) AS weight"
            + "  FROM unnest(?::text[], ?::float8[]) WITH ORDINALITY AS t(text, weight, ord),"
            + "       unnest(tsvector_to_array(to_tsvector(?::regconfig, t.text))) AS lexeme)";

    /** pgvector refuses larger candidate lists; above it the iterative scan supplies the rest. */
    private static final int MAX_EF_SEARCH = 1000;

    private final DataSource dataSource;
    private final boolean ownsDataSource;
    private final int dimension;
    private final String articles;
    private final String chunks;
    private final String postings;
    private final String corpus;
    private final ArchiveSchema schema;
    private final int efSearch;
    private final int indexBuildMemoryMb;
    private volatile boolean closed;

    private PgVectorArchive(
            DataSource dataSource,
            boolean ownsDataSource,
            int dimension,
            ArchiveSchema schema,
            int efSearch,
            int indexBuildMemoryMb) {
        this.efSearch = efSearch;
        this.indexBuildMemoryMb = indexBuildMemoryMb;
        this.schema = schema;
        this.dataSource = dataSource;
        this.ownsDataSource = ownsDataSource;
        this.dimension = dimension;
        this.articles = schema.table("articles");
        this.chunks = schema.table("chunks");
        this.postings = schema.table("bm25_postings");
        this.corpus = schema.table("bm25_corpus");
    }

    /**
     * Opens the archive in a schema, creating or upgrading its tables.
     *
     * @param dataSource     connections to a PostgreSQL database with the {@code vector} extension;
     *                       a pool must lend at least two at once while opening (Flyway holds one
     *                       for its lock and migrates on another)
     * @param ownsDataSource whether {@link #close()} closes the data source (when it is
     *                       {@link AutoCloseable}, as {@code HikariDataSource} is)
     * @param modelId        the embedding model the vectors come from; recorded on first use
     * @param dimension      the model's vector size
     * @param schema         the schema holding the tables (created if missing), e.g. {@code public}
     * @throws IllegalStateException    when the archive was filled by another model or dimension,
     *                                  or pgvector is missing
     * @throws IllegalArgumentException when the schema name, model id or dimension is unusable
     */
    public static PgVectorArchive open(
            DataSource dataSource, boolean ownsDataSource, String modelId, int dimension, String schema) {
        return open(dataSource, ownsDataSource, modelId, dimension, schema, DEFAULT_EF_SEARCH);
    }

    /**
     * Like {@link #open(DataSource, boolean, String, int, String)} with the HNSW candidate list
     * size ({@code hnsw.ef_search}) of dense searches.
     *
     * @throws IllegalArgumentException also when efSearch is below 1
     */
    public static PgVectorArchive open(
            DataSource dataSource, boolean ownsDataSource, String modelId, int dimension, String schema, int efSearch) {
        return open(dataSource, ownsDataSource, modelId, dimension, schema, efSearch, DEFAULT_INDEX_BUILD_MEMORY_MB);
    }

    /**
     * Like {@link #open(DataSource, boolean, String, int, String, int)} with the memory
     * ({@code maintenance_work_mem}) for building the vector index after a load into an empty
     * archive ({@link #startLoad()}); opening builds it too when a load was killed before it could.
     *
     * @throws IllegalArgumentException also when indexBuildMemoryMb is below 64
     */
    public static PgVectorArchive open(
            DataSource dataSource,
            boolean ownsDataSource,
            String modelId,
            int dimension,
            String schema,
            int efSearch,
            int indexBuildMemoryMb) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            ArchiveSearch.requireValidEfSearch(efSearch);
            if (indexBuildMemoryMb < 64) {
                throw new IllegalArgumentException(
                        "The memory for building the vector index must be at least 64 MB (got " + indexBuildMemoryMb
                                + " MB); set newsqa.db.index-build-memory, e.g. 1GB");
            }
            if (modelId == null || modelId.isBlank()) {
                throw new IllegalArgumentException("The embedding model id must not be blank");
            }
            if (dimension < 1 || dimension > ArchiveSchema.MAX_INDEXED_DIMENSION) {
                throw new IllegalArgumentException(
                        "Vector dimension " + dimension + " is not supported: pgvector's HNSW" + " index takes 1 to "
                                + ArchiveSchema.MAX_INDEXED_DIMENSION + " dimensions.");
            }
            ArchiveSchema archiveSchema = new ArchiveSchema(dataSource, schema);
            archiveSchema.prepare(modelId, dimension);
            DeferredVectorIndex.buildIfAbandoned(dataSource, archiveSchema, indexBuildMemoryMb);
            MissingTitles.fill(dataSource, archiveSchema);
            return new PgVectorArchive(
                    dataSource, ownsDataSource, dimension, archiveSchema, efSearch, indexBuildMemoryMb);
        } catch (RuntimeException e) {
            if (ownsDataSource) {
                closeQuietly(dataSource, e);
            }
            throw e;
        }
    }

    /** The embedding model the archive in {@code schema} records; empty when the schema holds no archive. */
    public static Optional<ArchiveModel> recordedModel(DataSource dataSource, String schema) {
        return new ArchiveSchema(dataSource, schema).recordedModel();
    }

    /** Opens the archive in the {@code public} schema with a data source its caller keeps owning. */
    public static PgVectorArchive open(DataSource dataSource, String modelId, int dimension) {
        return open(dataSource, false, modelId, dimension, "public");
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
        inTransaction(what, connection -> {
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
        requireOpen();
        return new PostgresLoad(dataSource, schema, indexBuildMemoryMb);
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
        return withConnection(operation, connection -> {
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
    public boolean delete(String articleId) {
        return withConnection("delete article " + articleId, connection -> {
            // Chunks go with it: ON DELETE CASCADE, in the same statement.
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + articles + " WHERE id = ?")) {
                delete.setString(1, articleId);
                return delete.executeUpdate() > 0;
            }
        });
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
        String sql = "WITH nearest AS MATERIALIZED (SELECT " + ArticleRows.HEADER_COLUMNS + ", c.ordinal, c.text,"
                + " c.embedding <=> ? AS distance FROM " + chunks + " c JOIN " + articles + " a ON a.id = c.article_id"
                + " WHERE true" + where.andConditions() + " ORDER BY distance LIMIT ?)"
                + " SELECT * FROM nearest ORDER BY distance, id, ordinal";
        return inTransaction("search by vector", connection -> {
            setLocal(connection, "hnsw.ef_search", Integer.toString(listSize));
            if (iterative) {
                setLocal(connection, "hnsw.iterative_scan", "relaxed_order");
            }
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setObject(1, new PGvector(queryVector));
                int next = where.bind(connection, query, 2);
                query.setInt(next, limit);
                return hits(query, "distance", distance -> 1.0 - distance);
            }
        });
    }

    /** A setting for the current transaction only, so pooled connections come back unchanged. */
    private static void setLocal(Connection connection, String setting, String value) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
            set.setString(1, setting);
            set.setString(2, value);
            set.execute();
        }
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
        // BM25 from the statistics kept at ingest (V13): each query lexeme's document frequency is
        // the number of its postings, its frequency in a chunk and the chunk's length are in the
        // posting, so only the postings of the query's lexemes are read (index only), never the
        // chunks' tsvectors. The corpus row is read with LIMIT 1 so that the planner counts one row.
        // A lexeme without postings is in no chunk and drops out; only stop words: no rows.
        String sql =
                "WITH corpus AS (SELECT chunks::float8 AS n, greatest(tokens::float8 / greatest(chunks, 1), 1) AS avg_tokens"
                        + " FROM " + corpus + " LIMIT 1),"
                        + " idf AS MATERIALIZED (SELECT t.lexeme, ln(1 + (corpus.n - df.n + 0.5) / (df.n + 0.5)) AS idf"
                        + " FROM unnest(tsvector_to_array(to_tsvector(?::regconfig, ?))) AS t (lexeme) CROSS JOIN corpus"
                        + " CROSS JOIN LATERAL (SELECT count(*)::float8 AS n FROM " + postings
                        + " d WHERE d.lexeme = t.lexeme) df"
                        + " WHERE df.n > 0),"
                        // OFFSET 0 keeps the per-lexeme index scan: unnested, the planner may sort all postings.
                        + " scored AS (SELECT p.article_id, p.ordinal, sum(idf.idf * p.tf * (" + BM25_K1 + " + 1)"
                        + " / (p.tf + " + BM25_K1 + " * (1 - " + BM25_B + " + " + BM25_B
                        + " * p.tokens / corpus.avg_tokens))) AS score"
                        + " FROM idf CROSS JOIN corpus"
                        + " CROSS JOIN LATERAL (SELECT * FROM " + postings
                        + " p WHERE p.lexeme = idf.lexeme OFFSET 0) p"
                        + (where.restricts()
                                ? " JOIN " + articles + " a ON a.id = p.article_id WHERE true" + where.andConditions()
                                : "")
                        + " GROUP BY p.article_id, p.ordinal ORDER BY score DESC, p.article_id, p.ordinal LIMIT ?)"
                        + " SELECT " + ArticleRows.HEADER_COLUMNS + ", c.ordinal, c.text, s.score FROM scored s"
                        + " JOIN " + chunks + " c ON c.article_id = s.article_id AND c.ordinal = s.ordinal"
                        + " JOIN " + articles
                        + " a ON a.id = s.article_id ORDER BY s.score DESC, s.article_id, s.ordinal";
        return inTransaction("search by words", connection -> {
            // The planner cannot see how few postings a lexeme has; its estimate may pass the JIT
            // threshold, and compiling (200 ms and more) would cost far more than the query (ms).
            setLocal(connection, "jit", "off");
            try (PreparedStatement query = connection.prepareStatement(sql)) {
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
        String sql = "WITH " + WEIGHTED_WORDS + ","
                + " weighted AS ("
                + "  SELECT ('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery AS query,"
                + "         sum(weight) AS weight FROM words GROUP BY lexeme),"
                + " any_word AS (SELECT string_agg(query::text, ' | ')::tsquery AS query FROM weighted)"
                + " SELECT " + ArticleRows.HEADER_COLUMNS + ", c.ordinal, c.text,"
                + "  (SELECT sum(w.weight * ts_rank(c.tsv, w.query, 1)) FROM weighted w) AS score"
                + " FROM " + chunks + " c JOIN " + articles + " a ON a.id = c.article_id, any_word"
                + " WHERE c.tsv @@ any_word.query AND c.ts_config = ?::regconfig" + where.andConditions()
                + " ORDER BY score DESC, c.article_id, c.ordinal LIMIT ?";
        return withConnection("search by weighted words", connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
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
        // Okapi BM25 with articles as the documents, computed from their chunks (no article-level
        // index is needed): a word's frequency in an article is the sum over its chunks, an
        // article's length the sum of its chunks' lengths (a sentence two chunks share counts
        // twice), the document frequency the number of articles with a chunk holding the word.
        // Word weights, and the chunks searched (those analysed as the terms' language), as in
        // weightedLexicalSearch; the statistics are of that language's articles, as the embedded
        // archive's per-language fields keep them.
        // Plus TITLE_WEIGHT times BM25 of the title with titles as the documents (V15: the title's
        // tsvector and length on the article; statistics of the titles analysed alike, as the
        // embedded archive's title field keeps them). An article may match by its title alone.
        String sql = "WITH " + WEIGHTED_WORDS + ","
                + " weighted AS (SELECT lexeme, " + QUOTED_LEXEME + "::tsquery AS tq, sum(weight) AS weight"
                + "  FROM words GROUP BY lexeme),"
                + " corpus AS (SELECT count(DISTINCT article_id) AS n,"
                + "  greatest(sum(tokens)::float8 / greatest(count(DISTINCT article_id), 1), 1) AS avg_tokens FROM "
                + chunks
                + "  WHERE ts_config = ?::regconfig),"
                + " idf AS (SELECT w.lexeme, w.weight, ln(1 + (corpus.n - df.n + 0.5) / (df.n + 0.5)) AS idf"
                + "  FROM weighted w CROSS JOIN corpus CROSS JOIN LATERAL (SELECT count(DISTINCT d.article_id) AS n"
                + "  FROM " + chunks + " d WHERE d.tsv @@ w.tq AND d.ts_config = ?::regconfig) df),"
                + " any_word AS (SELECT string_agg(tq::text, ' | ')::tsquery AS query FROM weighted),"
                + " matched AS (SELECT DISTINCT c.article_id FROM " + chunks + " c JOIN " + articles
                + " a ON a.id = c.article_id,"
                + "  any_word WHERE c.tsv @@ any_word.query AND c.ts_config = ?::regconfig" + where.andConditions()
                + "),"
                + " article_tf AS (SELECT c.article_id, u.lexeme, sum(coalesce(array_length(u.positions, 1), 1)) AS n"
                + "  FROM " + chunks + " c JOIN matched m ON m.article_id = c.article_id, unnest(c.tsv) u"
                + "  WHERE u.lexeme IN (SELECT lexeme FROM weighted) GROUP BY c.article_id, u.lexeme),"
                + " article_length AS (SELECT c.article_id, sum(c.tokens) AS tokens"
                + "  FROM " + chunks + " c JOIN matched m ON m.article_id = c.article_id GROUP BY c.article_id),"
                + " body_score AS (SELECT tf.article_id, sum(idf.weight * idf.idf * " + bm25("tf.n", "l.tokens")
                + ") AS score FROM article_tf tf JOIN idf ON idf.lexeme = tf.lexeme"
                + "  JOIN article_length l ON l.article_id = tf.article_id CROSS JOIN corpus GROUP BY tf.article_id),"
                + " titles AS (SELECT count(*) AS n, greatest(sum(title_tokens)::float8 / greatest(count(*), 1), 1)"
                + "  AS avg_tokens FROM " + articles + " WHERE title_config = ?::regconfig AND title_tokens > 0),"
                + " title_idf AS (SELECT w.lexeme, w.weight, ln(1 + (titles.n - df.n + 0.5) / (df.n + 0.5)) AS idf"
                + "  FROM weighted w CROSS JOIN titles CROSS JOIN LATERAL (SELECT count(*) AS n"
                + "  FROM " + articles + " t WHERE t.title_tsv @@ w.tq AND t.title_config = ?::regconfig) df),"
                + " title_tf AS (SELECT a.id AS article_id, u.lexeme, coalesce(array_length(u.positions, 1), 1) AS n,"
                + "  a.title_tokens AS tokens FROM " + articles + " a, any_word, unnest(a.title_tsv) u"
                + "  WHERE a.title_tsv @@ any_word.query AND a.title_config = ?::regconfig" + where.andConditions()
                + "  AND u.lexeme IN (SELECT lexeme FROM weighted)),"
                + " title_score AS (SELECT tf.article_id, " + ArchiveIndex.TITLE_WEIGHT
                + " * sum(idf.weight * idf.idf * "
                + bm25("tf.n", "tf.tokens") + ") AS score FROM title_tf tf JOIN title_idf idf ON idf.lexeme = tf.lexeme"
                + "  CROSS JOIN titles GROUP BY tf.article_id)"
                + " SELECT article_id, sum(score) AS score FROM (SELECT * FROM body_score UNION ALL"
                + "  SELECT * FROM title_score) s GROUP BY article_id ORDER BY score DESC, article_id LIMIT ?";
        return withConnection("search articles by words", connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
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

    /**
     * SQL: one word's BM25 term weight, without its idf, from its frequency in the document and the
     * document's length in tokens ({@code corpus.avg_tokens} or {@code titles.avg_tokens} in scope
     * as {@code avg_tokens}).
     */
    private static String bm25(String frequency, String length) {
        return frequency + " * (" + BM25_K1 + " + 1) / (" + frequency + " + " + BM25_K1 + " * (1 - " + BM25_B + " + "
                + BM25_B + " * " + length + " / avg_tokens))";
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
        return withConnection("read article bodies", connection -> {
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
        String sql = "SELECT word, count(*) FROM " + chunks + " c JOIN " + articles + " a ON a.id = c.article_id,"
                + " unnest(tsvector_to_array(to_tsvector('simple', c.search_text))) AS word"
                + " WHERE a.language = ? GROUP BY word";
        return withConnection("list the words of " + language + " chunks", connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
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
    public ArchiveStats stats() {
        return withConnection("count articles and chunks", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                            "SELECT (SELECT count(*) FROM " + articles + "), (SELECT count(*) FROM " + chunks + ")");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return new ArchiveStats(row.getLong(1), row.getLong(2));
            }
        });
    }

    @Override
    public Optional<OffsetDateTime> newestPublication() {
        return withConnection("find the newest article", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT published_at, published_offset FROM "
                            + articles + " WHERE published_at IS NOT NULL ORDER BY published_at DESC LIMIT 1");
                    ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(ArticleRows.publishedAt(row)) : Optional.<OffsetDateTime>empty();
            }
        });
    }

    @Override
    public List<ArticleSummary> listArticles(int offset, int limit) {
        ArchiveCatalog.requireValidPage(offset, limit);
        if (limit == 0) {
            return List.of();
        }
        return withConnection("list articles", connection -> {
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
        inTransaction("read the stored articles", connection -> {
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
        return withConnection("read the recorded stories", connection -> {
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
    public int setStories(Map<String, String> storyByArticle) {
        Objects.requireNonNull(storyByArticle, "storyByArticle");
        if (storyByArticle.isEmpty()) {
            return 0;
        }
        // A plain UPDATE of one column: the chunks, their vectors and the BM25 postings are not
        // touched (no trigger fires on articles). No story recorded reads as the article's own.
        return inTransaction("set the story of " + storyByArticle.size() + " articles", connection -> {
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

    @Override
    public ArchiveFacets facets() {
        return withConnection(
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

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ownsDataSource && dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new ArchiveStorageException("Could not close the PostgreSQL connection pool", e);
            }
        }
    }

    private static void closeQuietly(DataSource dataSource, RuntimeException failure) {
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(String operation, SqlWork<T> work) {
        requireOpen();
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new ArchiveStorageException("Could not " + operation + " in PostgreSQL", e);
        }
    }

    /** Runs the work in one transaction: all of it is committed, or none of it. */
    private <T> T inTransaction(String operation, SqlWork<T> work) {
        return withConnection(operation, connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        });
    }

    /** Pooled connections must come back as they were lent. */
    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // The connection is broken; the pool discards it and the caller sees the first error.
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("This PostgreSQL archive is closed; open a new one");
        }
    }
}
