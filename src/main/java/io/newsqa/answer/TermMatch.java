package io.newsqa.answer;

import io.newsqa.text.LanguageAnalyzers;
import java.util.Set;

/**
 * Whether a question's term occurs among a sentence's or passage's terms, both analysed by
 * {@link LanguageAnalyzers#matchTerms}, and what share of a question's terms does: the coverage the
 * extractive answerer scores sentences by.
 */
final class TermMatch {

    /** Letters two Arabic stems must share to count as one word (see {@link #matches}). */
    private static final int ARABIC_SHARED_PREFIX = 3;

    /**
     * Consonants two Arabic stems must share, in order, to count as one word by their consonants:
     * two ("قل", said / "قليل", few) tell too little.
     */
    private static final int MIN_CONSONANTS = 3;

    private TermMatch() {}

    /**
     * An Arabic stem without its long vowels ا و ي after the first letter (a first letter is a root
     * consonant or the article's alif either way).
     */
    static String consonants(String stem) {
        StringBuilder kept = new StringBuilder(stem.length());
        for (int i = 0; i < stem.length(); i++) {
            char c = stem.charAt(i);
            if (i == 0 || c != 'ا' && c != 'و' && c != 'ي') {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** Share of the terms that occur among the sentence's or passage's terms; 0 for no terms. */
    static double coverage(Set<String> terms, Set<String> found, String language) {
        return terms.isEmpty()
                ? 0
                : (double) terms.stream()
                                .filter(term -> matches(term, found, language))
                                .count()
                        / terms.size();
    }

    /**
     * Whether a question term occurs in a sentence. Arabic stems of one root often differ by an
     * infix or suffix the stemmer keeps ("اتصل" called, "اتصال" a call): for Arabic, a sentence
     * term of nearly the same length sharing the first {@value #ARABIC_SHARED_PREFIX} letters
     * counts too, and so does one of the same consonants: broken plurals and derived forms differ
     * from their singular by the long vowels ا و ي ("طريق" / "طرق", "المطيرة" / "مطر", "أهدافاً" /
     * "أهداف").
     */
    static boolean matches(String term, Set<String> sentenceTerms, String language) {
        if (sentenceTerms.contains(term)) {
            return true;
        }
        if (!"ar".equals(language)) {
            return false;
        }
        String bare = LanguageAnalyzers.withoutPreposition(term);
        if (bare != null && sentenceTerms.contains(bare)) {
            return true;
        }
        for (String candidate : sentenceTerms) {
            String candidateBare = LanguageAnalyzers.withoutPreposition(candidate);
            if (candidateBare != null && (candidateBare.equals(term) || candidateBare.equals(bare))) {
                return true;
            }
        }
        String consonants = consonants(term);
        if (consonants.length() >= MIN_CONSONANTS) {
            for (String candidate : sentenceTerms) {
                if (consonants.equals(consonants(candidate))) {
                    return true;
                }
            }
        }
        if (term.length() < ARABIC_SHARED_PREFIX + 1) {
            return false;
        }
        String prefix = term.substring(0, ARABIC_SHARED_PREFIX);
        for (String candidate : sentenceTerms) {
            if (candidate.startsWith(prefix)
                    && candidate.length() > ARABIC_SHARED_PREFIX
                    && Math.abs(candidate.length() - term.length()) <= 1) {
                return true;
            }
        }
        return false;
    }
}
