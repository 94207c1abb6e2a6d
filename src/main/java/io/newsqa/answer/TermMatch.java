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

    private TermMatch() {}

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
     * counts too.
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
