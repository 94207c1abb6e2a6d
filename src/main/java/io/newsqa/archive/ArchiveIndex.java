package io.newsqa.archive;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The storage port: everything above this package talks to the archive only through it.
 * Implementations: PostgreSQL + pgvector for production, an embedded Lucene store as the
 * zero-setup default. Both pass {@code ArchiveContractTest}.
 *
 * <p>Fusion of the two rankings lives above this port (in {@code retrieve}) so that both
 * implementations rank by exactly the same rule.
 */
public interface ArchiveIndex extends AutoCloseable {

    /**
     * How much an article's title counts in {@link #articleLexicalSearch} against its body: the
     * title's BM25 score among titles, times this, is added to the body's. A news title is in the
     * article's language and names its story and main actor, words a rewrite of another story
     * often lacks.
     */
    double TITLE_WEIGHT = 1.0;

    /**
     * Stores an article with its chunks, replacing any article with the same id, atomically:
     * after a crash either the old or the new version is stored, never a mix.
     *
     * @throws IllegalArgumentException when a chunk belongs to another article or its vector has
     *                                  the wrong dimension
     */
    void put(Article article, List<Chunk> chunks);

    /**
     * Stores several articles as {@link #put} does, each one atomically, with one durable write
     * for the group (one Lucene commit, one database transaction) rather than one per article:
     * bulk ingestion spends far less on commits, and the embedded index gets segments large
     * enough not to be merged over and over. After a crash each article of the group is stored
     * whole or not at all (all of them, or none, in practice); either way re-ingesting it stores
     * it exactly once. Nothing is written when an article fails the checks of {@link #put}.
     *
     * @throws IllegalArgumentException as {@link #put}, naming the article
     */
    void putAll(List<StoredArticle> articles);

    Optional<Article> findArticle(String id);

    /** The stored article whose cleaned body has this SHA-256, if any. */
    Optional<Article> findByContentHash(String contentHash);

    /** Removes an article and its chunks; returns whether it existed. */
    boolean delete(String articleId);

    /**
     * Nearest chunks to a query vector by cosine similarity, best first; the score is the
     * cosine similarity.
     */
    List<ChunkHit> denseSearch(float[] queryVector, int limit, SearchFilter filter);

    /**
     * Like {@link #denseSearch(float[], int, SearchFilter)} with an explicit size of the HNSW
     * candidate list (pgvector's {@code hnsw.ef_search}, the number of neighbours Lucene's graph
     * search collects) instead of the configured one: larger finds the true nearest chunks more
     * often and takes longer. For measuring that trade-off ({@code newsqa bench-search}).
     *
     * @throws IllegalArgumentException when efSearch is below 1
     */
    List<ChunkHit> denseSearch(float[] queryVector, int limit, SearchFilter filter, int efSearch);

    /** The argument rule of the candidate list size, shared by the implementations. */
    static void requireValidEfSearch(int efSearch) {
        if (efSearch < 1) {
            throw new IllegalArgumentException("ef-search must be at least 1 (got " + efSearch + ")");
        }
    }

    /**
     * Chunks matching any of the query's terms after the language's analysis (normalisation,
     * stop words, stemming), best first by a BM25-like score.
     *
     * @param language the question's language (ISO 639-1); chooses the analysis of the query
     */
    List<ChunkHit> lexicalSearch(String queryText, String language, int limit, SearchFilter filter);

    /**
     * Like {@link #lexicalSearch(String, String, int, SearchFilter)} for terms that count
     * unequally (a translated question: a word's first dictionary sense counts more than its
     * fifth). Each term is analysed in {@code language}; a term that yields several words spreads
     * its weight evenly over them, and a word that several terms yield adds their weights up. A
     * chunk's score is the sum over the words it matches of weight × the word's usual score.
     * Empty when no term yields a word.
     */
    List<ChunkHit> weightedLexicalSearch(List<WeightedTerm> terms, String language, int limit, SearchFilter filter);

    /**
     * Articles ranked by the words of their whole text rather than of one chunk, for the same
     * weighted terms and the same score as {@link #weightedLexicalSearch} (a question searched
     * as it is: one term of weight 1). A question's words are often spread over several chunks of
     * the article that answers it, and a chunk's own statistics (its length, a word's chunk
     * frequency) describe a passage, not the article: on XQuAD's Arabic paragraphs, cut into four
     * chunks each, the article ranking finds the gold paragraph first more often
     * (docs/results/2026-11-29-cross-lingual.md).
     * The hybrid search fuses it with the chunk ranking, which still orders an article's passages.
     * Only articles analysed as {@code language} are searched, with statistics of those articles.
     * The embedded archive indexes each article's body for it (articles stored before it did have
     * none until re-indexed); PostgreSQL sums the article's chunks (a sentence two chunks share counts twice).
     * The article's title adds {@link #TITLE_WEIGHT} times its score with titles as the documents
     * (statistics of the titles of {@code language}); an article matching by its title alone is
     * found too. The embedded archive has no title index for articles stored before it had one
     * until they are stored again ({@code copy-archive}, {@code reembed}, a new ingest);
     * PostgreSQL indexes the titles of older articles when it opens the archive.
     */
    List<ArticleHit> articleLexicalSearch(List<WeightedTerm> terms, String language, int limit, SearchFilter filter);

    /**
     * The distinct words of the chunks of articles in {@code language}, lower-cased and
     * unstemmed (Arabic spelling normalised), each with the number of chunks containing it. A
     * full scan: callers cache it. Cross-lingual search matches names written in the other
     * script against it ("مانينغ" → "manning").
     */
    Map<String, Integer> vocabulary(String language);

    ArchiveStats stats();

    /**
     * The publication time of the newest stored article that has one, in the offset its source
     * wrote; empty when no article has a date. Time words read against the archive rather than the
     * clock use it, and an empty date window names it ("the newest is from 11 August 2015").
     * This default reads every article's date; the archives answer it from their date index.
     */
    default Optional<OffsetDateTime> newestPublication() {
        return recordedStories().stream()
                .map(RecordedStory::publishedAt)
                .filter(Objects::nonNull)
                .max(Comparator.comparing(OffsetDateTime::toInstant));
    }

    /**
     * A page of the stored articles, the most recently stored first (ties by id), for
     * administration; page through with {@code offset} and the total in {@link #stats()}.
     *
     * @param offset how many articles to skip, at least 0
     * @param limit  how many to return at most, at least 0
     * @throws IllegalArgumentException when offset or limit is negative
     */
    List<ArticleSummary> listArticles(int offset, int limit);

    /** The argument rule of {@link #listArticles}, shared by the implementations. */
    static void requireValidPage(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException(
                    "offset and limit must not be negative (got " + offset + ", " + limit + ")");
        }
    }

    /**
     * Hands every stored article with its chunks and their stored vectors to {@code action}, one
     * at a time (the archive is never held in memory whole), for copying it into another archive
     * ({@code newsqa copy-archive}) or reading all vectors (exact search in {@code bench-search}).
     * Articles stored while it runs may or may not be seen.
     */
    void forEachArticle(Consumer<StoredArticle> action);

    /**
     * Every stored article's publication time and recorded story (see {@link RecordedStory}), in
     * no particular order: a few dozen bytes per article, bodies are not read.
     */
    List<RecordedStory> recordedStories();

    /**
     * Sets the story of stored articles in place ({@code newsqa link-stories}): each keeps its
     * text, chunks, vectors and time of storing as they are, nothing is embedded again, and
     * searches see the new story as soon as this returns. One durable write for the group (a
     * Lucene commit, a database transaction): after a crash all of it is recorded or none.
     * Ids not stored, and articles whose story already is the one given (one with no story
     * recorded is its own), are left as they are.
     *
     * @param storyByArticle the story (an article id) to set, by article id
     * @return how many articles changed
     */
    int setStories(Map<String, String> storyByArticle);

    /** Articles per language and per source. */
    ArchiveFacets facets();

    /** Number of dimensions every stored vector has. */
    int dimension();

    /**
     * Starts a load (an ingest run, a copy): its claims are shared with every other process
     * writing this archive, and what it puts off is done when it is closed at the load's end.
     */
    default ArchiveLoad startLoad() {
        return ArchiveLoad.SINGLE_PROCESS;
    }

    @Override
    void close();
}
