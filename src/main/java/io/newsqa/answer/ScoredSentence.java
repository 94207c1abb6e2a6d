package io.newsqa.answer;

import java.util.Set;

/**
 * A sentence of a retrieved passage with its evidence.
 *
 * @param score    coverage of the question's own terms plus weighted similarity and rank bonus
 * @param minScore what the score must reach for the sentence to be quoted: the threshold of
 *                 the question's language, or for a sentence in another language (scored by
 *                 translated coverage alone) the threshold for translated sentences
 * @param topic    share of the carried terms its passage (headline and text) covers; 0 without
 * @param refersBack whether it refers back to the sentence before it ({@link BackReference})
 */
public record ScoredSentence(
        Source source,
        int position,
        String text,
        Set<String> terms,
        double coverage,
        double similarity,
        double score,
        double minScore,
        double topic,
        boolean refersBack) {

    /**
     * How much the passage's coverage of the carried terms adds to a sentence's rank (never to
     * its score): below the gap one more own term makes for a question of up to four terms.
     */
    static final double TOPIC_WEIGHT = 0.2;

    /** The order of preference among sentences: the score, and the conversation's topic. */
    double rank() {
        return score + TOPIC_WEIGHT * topic;
    }
}
