package io.newsqa.eval;

import java.util.List;

/**
 * How the extractive answer did on one question set over one archive implementation (see
 * {@link AnswerQuality}).
 *
 * @param archive          {@code embedded} or {@code postgres}
 * @param questionSet      e.g. {@code ar→ar}
 * @param questions        questions asked, each twice: with its gold paragraph in the archive
 *                         (a positive) and with it removed (a negative)
 * @param answered         share of positives answered (not refused)
 * @param containsGold     share of positives whose answer contains a gold answer text
 *                         (normalised), over the positives that have one
 * @param refusalPrecision refused negatives / all refusals (1 when nothing was refused)
 * @param refusalRecall    refused negatives / all negatives
 * @param p50Millis        median time of one answer, retrieval included
 */
public record AnswerScore(String archive, String questionSet, int questions, double answered, double containsGold,
                          double refusalPrecision, double refusalRecall, double p50Millis) {

    /** A Markdown table, readable as plain text too. */
    public static String table(List<AnswerScore> scores) {
        StringBuilder table = new StringBuilder();
        table.append("| set | extractive answer | archive | questions | answered | contains gold | refusal precision"
                + " | refusal recall | p50 ms |\n");
        table.append("|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (AnswerScore s : scores) {
            table.append(String.format("| %s | hybrid | %s | %d | %.3f | %.3f | %.3f | %.3f | %.1f |%n", s.questionSet(),
                    s.archive(), s.questions(), s.answered(), s.containsGold(), s.refusalPrecision(), s.refusalRecall(),
                    s.p50Millis()));
        }
        return table.toString();
    }
}
