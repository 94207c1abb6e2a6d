package io.newsqa.eval;

/**
 * The figures of one method on one question set over one archive implementation.
 *
 * @param archive     {@code embedded}, {@code postgres}, or {@code in-memory} for the LangChain4j baseline
 * @param questionSet e.g. {@code ar→ar}
 * @param method      e.g. {@code hybrid}
 * @param questions   how many questions were asked
 * @param recallAt1   share of questions whose gold paragraph ranked first (ties counted against it)
 * @param recallAt5   ... within the first five
 * @param recallAt10  ... within the first ten
 * @param mrr         mean reciprocal rank of the gold paragraph, 0 when beyond the first ten
 * @param p50Millis   median search time per question (embedding the question included)
 * @param p95Millis   95th percentile of it
 */
public record EvalResult(
        String archive,
        String questionSet,
        String method,
        int questions,
        double recallAt1,
        double recallAt5,
        double recallAt10,
        double mrr,
        double p50Millis,
        double p95Millis) {}
