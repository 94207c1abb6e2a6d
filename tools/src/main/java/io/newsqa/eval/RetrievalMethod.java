package io.newsqa.eval;

import io.newsqa.eval.SquadFile.Question;
import java.util.List;

/** A way of ranking the corpus's paragraphs for a question, under evaluation. */
public interface RetrievalMethod {

    /** Short name for tables, e.g. {@code hybrid}. */
    String name();

    /**
     * The best paragraphs for the question, best first, each article once, scores non-increasing.
     *
     * @param question the question's text, and the day it is asked on when it has one
     * @param depth how many articles are wanted at least (fewer when the ranker finds fewer); more
     *              may come back
     */
    Ranking rank(Question question, String language, int depth);

    /**
     * @param articles  the articles found, best first
     * @param truncated whether articles scoring as much as the last one may have been cut off,
     *                  so that a gold article tied with the last one cannot claim its place
     */
    record Ranking(List<RankedArticle> articles, boolean truncated) {}
}
