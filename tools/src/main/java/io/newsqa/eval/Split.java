package io.newsqa.eval;

import java.util.Locale;

/**
 * Which half of a SQuAD file is evaluated, by article in file order: constants are chosen on
 * {@link #DEV} (the first half; XQuAD's first 24 of 48 articles) and reported on {@link #TEST}
 * (the second half), so that no figure reported was also fitted. With an odd number of articles
 * the middle one is dev's.
 */
public enum Split {
    DEV,
    TEST,
    ALL;

    /** {@code dev}, {@code test} or {@code all}, as on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the split holds, for the heading of a report. */
    public String describe() {
        return switch (this) {
            case DEV -> "dev (the first half of each file's articles, in file order)";
            case TEST -> "test (the second half of each file's articles, in file order)";
            case ALL -> "all (every article of each file)";
        };
    }

    boolean holds(int article, int articles) {
        int devArticles = (articles + 1) / 2;
        return switch (this) {
            case DEV -> article < devArticles;
            case TEST -> article >= devArticles;
            case ALL -> true;
        };
    }

    /** @throws IllegalArgumentException naming the three choices */
    public static Split parse(String text) {
        for (Split split : values()) {
            if (split.label().equals(text)) {
                return split;
            }
        }
        throw new IllegalArgumentException("--split must be dev, test or all, not '" + text + "'");
    }
}
