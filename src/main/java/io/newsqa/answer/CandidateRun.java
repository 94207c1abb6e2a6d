package io.newsqa.answer;

import java.util.List;

/**
 * A run of consecutive sentences of one passage, the candidate answer.
 *
 * @param score    coverage of the question's own terms by the run's sentences together, plus
 *                 the weighted similarity of its most similar sentence and the rank bonus: what
 *                 decides whether the run may be quoted at all
 * @param minScore what {@code score} must reach to be quoted (see {@link ScoredSentence})
 * @param supported whether the run is evidence enough apart from its score ({@link AnswerSupport})
 * @param bonus    what ranks the run among quotable ones and never makes one quotable: the
 *                 answer-type bonus when one of its sentences holds the kind of answer asked
 *                 for, and the proximity of the question's terms in its closest sentence
 * @param list     whether the question asks for a list, whose further sentences count for the run
 * @param dangling whether its first sentence refers back to a sentence of the passage it leaves
 *                 out ({@link BackReference}): it then costs as if that sentence were quoted
 */
record CandidateRun(
        List<ScoredSentence> sentences,
        double score,
        double minScore,
        boolean supported,
        double topic,
        double bonus,
        boolean list,
        boolean dangling) {

    /**
     * What each sentence beyond the first costs a run: a second sentence must add a question term
     * or the kind of answer asked for. Fitted on XQuAD dev (0.02 quoted more needless second
     * sentences, 0.1 measured the same as 0.05).
     */
    static final double EXTRA_SENTENCE_COST = 0.05;

    Source source() {
        return sentences.get(0).source();
    }

    boolean quotable() {
        return supported && score >= minScore;
    }

    /**
     * Order of preference: the score less the cost of each sentence beyond the first, and the
     * topic. For a list, each further sentence that matches the question continues the list:
     * it counts for the run instead of against it.
     */
    double rank() {
        double extra = dangling ? EXTRA_SENTENCE_COST : 0;
        for (int i = 1; i < sentences.size(); i++) {
            if (continuation(i)) {
                continue;
            }
            extra += list && sentences.get(i).coverage() > 0 ? -EXTRA_SENTENCE_COST : EXTRA_SENTENCE_COST;
        }
        return score + bonus - extra + ScoredSentence.TOPIC_WEIGHT * topic;
    }

    /** Whether sentence {@code i} refers back to the one before it in this run ({@link BackReference}). */
    boolean continuation(int i) {
        return i > 0 && sentences.get(i).refersBack();
    }

    /** Statements quoted: sentences, a sentence that refers back counting with the one before it. */
    int statements() {
        int statements = 1;
        for (int i = 1; i < sentences.size(); i++) {
            statements += continuation(i) ? 0 : 1;
        }
        return statements;
    }
}
