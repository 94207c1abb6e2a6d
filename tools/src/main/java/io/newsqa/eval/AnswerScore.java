package io.newsqa.eval;

import java.util.List;
import java.util.Locale;

/**
 * How the extractive answer did on one question set over one archive implementation (see
 * {@link AnswerQuality}).
 *
 * @param archive                      {@code embedded} or {@code postgres}
 * @param questionSet                  e.g. {@code ar→ar}
 * @param questions                    answerable questions asked, each twice: with its paragraph in the
 *                                     archive (a positive) and with it removed (a negative)
 * @param answered                     share of positives answered (not refused)
 * @param containsGold                 share of positives whose answer contains a gold answer text
 *                                     (normalised), over the positives that have one
 * @param goldWithinTwoSentences       ... within one sentence of the answer or two consecutive ones
 * @param meanAnswerChars              mean length of the answers given to positives, in characters,
 *                                     without the {@code [n]} markers
 * @param unanswerable                 SQuAD v2.0 unanswerable questions asked (with the whole archive)
 * @param unanswerableRefusalPrecision refused unanswerable / (refused unanswerable + refused positives);
 *                                     {@code null} without unanswerable questions
 * @param unanswerableRefusalRecall    refused unanswerable / unanswerable; {@code null} without them
 * @param refusalPrecision             with the paragraph removed: refused negatives / (refused negatives +
 *                                     refused positives), 1 when nothing was refused
 * @param refusalRecall                refused negatives / all negatives
 * @param p50Millis                    median time of one answer, retrieval included
 */
public record AnswerScore(
        String archive,
        String questionSet,
        int questions,
        double answered,
        double containsGold,
        double goldWithinTwoSentences,
        double meanAnswerChars,
        int unanswerable,
        Double unanswerableRefusalPrecision,
        Double unanswerableRefusalRecall,
        double refusalPrecision,
        double refusalRecall,
        double p50Millis) {

    /** A Markdown table, readable as plain text too. */
    public static String table(List<AnswerScore> scores) {
        StringBuilder table = new StringBuilder();
        table.append(
                "| set | extractive answer | archive | questions | answered | contains gold | gold within 2 sentences"
                        + " | mean chars | unanswerable | refusal precision (unanswerable) | refusal recall (unanswerable)"
                        + " | refusal precision (paragraph removed) | refusal recall (paragraph removed) | p50 ms |\n");
        table.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (AnswerScore s : scores) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | hybrid | %s | %d | %.3f | %.3f | %.3f | %.0f | %d | %s | %s | %.3f | %.3f | %.1f |%n",
                    s.questionSet(),
                    s.archive(),
                    s.questions(),
                    s.answered(),
                    s.containsGold(),
                    s.goldWithinTwoSentences(),
                    s.meanAnswerChars(),
                    s.unanswerable(),
                    figure(s.unanswerableRefusalPrecision()),
                    figure(s.unanswerableRefusalRecall()),
                    s.refusalPrecision(),
                    s.refusalRecall(),
                    s.p50Millis()));
        }
        return table.toString();
    }

    /** One line for the progress output. */
    String describe() {
        return String.format(
                Locale.ROOT,
                "%s %s extractive answers (%d questions, %d unanswerable): answered %.3f,"
                        + " contains gold %.3f, within 2 sentences %.3f, mean %.0f chars; refusal precision / recall:"
                        + " unanswerable %s / %s, paragraph removed %.3f / %.3f",
                archive,
                questionSet,
                questions,
                unanswerable,
                answered,
                containsGold,
                goldWithinTwoSentences,
                meanAnswerChars,
                figure(unanswerableRefusalPrecision),
                figure(unanswerableRefusalRecall),
                refusalPrecision,
                refusalRecall);
    }

    private static String figure(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }
}
