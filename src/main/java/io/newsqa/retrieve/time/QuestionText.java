package io.newsqa.retrieve.time;

import io.newsqa.text.ArabicNormalizer;
import java.util.Locale;

/** The one normalisation the time patterns are written against. */
final class QuestionText {

    private QuestionText() {
    }

    /** Lower case, Arabic spelling normalised (أ→ا, ة→ه, ى→ي, no diacritics), Arabic-Indic digits as ASCII. */
    static String normalize(String question) {
        String text = ArabicNormalizer.normalize(question).toLowerCase(Locale.ROOT);
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0660' && c <= '\u0669') {
                digits.append((char) ('0' + (c - '\u0660')));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                digits.append((char) ('0' + (c - '\u06F0')));
            } else {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
