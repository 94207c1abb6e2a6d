package io.newsqa.answer;

import java.util.List;

/**
 * Whether a sentence continues the one before it by referring back to it: it opens with a
 * personal pronoun ("He is also the oldest quarterback…", "وهو كذلك…") or names its subject with a
 * demonstrative near its start ("During this hold…", "It was re-established…", "وتتضمن هذه
 * المنطقة…", "أدى ذلك التجدد…"). Such a sentence says nothing on its own about what the question
 * names — that is in the sentence before — so it is quoted with its predecessor, and the two count
 * as one statement.
 *
 * <p>The words are each language's personal and demonstrative pronouns (grammar, not any data
 * set); an Arabic word may carry the conjunction و / ف ({@link WordCues}).
 */
final class BackReference {

    /** Pronouns that refer back when they open a sentence. */
    private static final WordCues OPENING = WordCues.of(
            "he", "she", "it", "they", "his", "her", "its", "their", "this", "these", "those", "that", "such", "هو",
            "هي", "هم", "هما", "هن");
    /** Demonstratives that refer back anywhere near the start ("during this hold", "ادي ذلك"). */
    private static final WordCues DEMONSTRATIVES = WordCues.of(
            "this", "these", "those", "such", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "اولئك", "هذان", "هاتان", "ذلكم");
    /** How many words from the start a demonstrative may stand and still name the sentence's subject. */
    private static final int NEAR_START = 3;

    private BackReference() {}

    static boolean refersBack(String sentence) {
        List<WordCues.Word> words = WordCues.words(sentence);
        if (words.isEmpty()) {
            return false;
        }
        if (OPENING.startsAt(words, 0)) {
            return true;
        }
        for (int i = 0; i < Math.min(NEAR_START, words.size()); i++) {
            if (DEMONSTRATIVES.startsAt(words, i)) {
                return true;
            }
        }
        return false;
    }
}
