package io.newsqa.retrieve.time;

import io.newsqa.text.ArabicNormalizer;
import java.util.Locale;

/**
 * A question in the one normalised form the time patterns are written against, remembering where
 * each normalised character came from so that a match can be cut out of the question as typed
 * (the rankers and the translator want its capitals and spelling, not the normalised form).
 *
 * @param original   the question as typed
 * @param normalized lower case, Arabic spelling normalised (أ→ا, ة→ه, ى→ي, no diacritics),
 *                   Arabic-Indic digits as ASCII
 * @param origin     for each character of {@code normalized}, its index in {@code original}
 */
record QuestionText(String original, String normalized, int[] origin) {

    static QuestionText of(String question) {
        StringBuilder normalized = new StringBuilder(question.length());
        int[] origin = new int[question.length() * 2];
        for (int i = 0; i < question.length(); i++) {
            String piece = ArabicNormalizer.normalize(String.valueOf(question.charAt(i)))
                    .toLowerCase(Locale.ROOT);
            for (int j = 0; j < piece.length(); j++) {
                if (normalized.length() == origin.length) {
                    origin = java.util.Arrays.copyOf(origin, origin.length * 2);
                }
                origin[normalized.length()] = i;
                normalized.append(asciiDigit(piece.charAt(j)));
            }
        }
        return new QuestionText(question, normalized.toString(), java.util.Arrays.copyOf(origin, normalized.length()));
    }

    /** For tests and callers that only need the normalised form. */
    static String normalize(String question) {
        return of(question).normalized();
    }

    /** The question as typed without the characters behind {@code normalized[start, end)}, spaces tidied. */
    String withoutNormalizedSpan(int start, int end) {
        int from = origin[start];
        int to = origin[end - 1] + 1;
        return (original.substring(0, from) + " " + original.substring(to))
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static char asciiDigit(char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + (c - '\u06F0'));
        }
        return c;
    }
}
