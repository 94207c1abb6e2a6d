package io.newsqa.eval;

import java.util.List;

/** A way of ranking the corpus's paragraphs for a question, under evaluation. */
public interface RetrievalMethod {

    /** Short name for tables, e.g. {@code hybrid}. */
    String name();

    /**
     * The best paragraphs for the question, best first, each article once, scores non-increasing.
     *
     * @param depth how many articles are wanted at least (fewer when the ranker finds fewer); more
     *              may come back
     */
    Ranking rank(String question, String language, int depth);

    /**
     * @param articles  the articles found, best first
     * @param truncated whether articles scoring as much as the last one may have been cut off,
     *                  so that a gold article tied with the last one cannot claim its place
     */
    record Ranking(List<RankedArticle> articles, boolean truncated) {
    }
}
