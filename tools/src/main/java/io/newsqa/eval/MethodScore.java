package io.newsqa.eval;

import java.util.Arrays;

/** Accumulates the gold ranks and search times of one method on one question set. */
final class MethodScore {

    private final int[] ranks;
    private final long[] nanos;
    private int count;

    MethodScore(int questions) {
        ranks = new int[questions];
        nanos = new long[questions];
    }

    void add(int goldRank, long searchNanos) {
        ranks[count] = goldRank;
        nanos[count] = searchNanos;
        count++;
    }

    EvalResult result(String archive, String questionSet, String method) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double reciprocal = 0;
        for (int i = 0; i < count; i++) {
            reciprocal += ranks[i] >= 1 && ranks[i] <= 10 ? 1.0 / ranks[i] : 0;
        }
        return new EvalResult(
                archive,
                questionSet,
                method,
                count,
                recallAt(1),
                recallAt(5),
                recallAt(10),
                count == 0 ? 0 : reciprocal / count,
                percentileMillis(sorted, 0.50),
                percentileMillis(sorted, 0.95));
    }

    private double recallAt(int k) {
        if (count == 0) {
            return 0;
        }
        int found = 0;
        for (int i = 0; i < count; i++) {
            if (ranks[i] >= 1 && ranks[i] <= k) {
                found++;
            }
        }
        return (double) found / count;
    }

    /** Nearest-rank percentile. */
    private static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
