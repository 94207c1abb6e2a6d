package io.newsqa.archive;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The archive as a question searches it: dense, lexical and article rankings, the vocabulary
 * names are matched against, and where its dates end. Fusion of the rankings lives above this
 * port (in {@code retrieve}) so that both implementations rank by exactly the same rule.
 */
public interface ArchiveSearch {

    /**
     * How much an article's title counts in {@link #articleLexicalSearch} against its body: the
     * title's BM25 score among titles, times this, is added to the body's. A news title is in the
     * article's language and names its story and main actor, words a rewrite of another story
     * often lacks.
     */
    double TITLE_WEIGHT = 1.0;

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
     * The stored bodies of these articles by id, for the few passages a search keeps (hits carry
     * no bodies): an id no longer stored is absent.
     */
    Map<String, String> bodies(Collection<String> articleIds);

    /**
     * The distinct words of the chunks of articles in {@code language}, lower-cased and
     * unstemmed (Arabic spelling normalised), each with the number of chunks containing it. A
     * full scan: callers cache it. Cross-lingual search matches names written in the other
     * script against it ("مانينغ" → "manning").
     */
    Map<String, Integer> vocabulary(String language);

    /** Number of dimensions every stored vector has. */
    int dimension();

    /**
     * The publication time of the newest stored article that has one, in the offset its source
     * wrote; empty when no article has a date. Time words read against the archive rather than the
     * clock use it, and an empty date window names it ("the newest is from 11 August 2015").
     */
    Optional<OffsetDateTime> newestPublication();
}
