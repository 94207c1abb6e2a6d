package io.newsqa.answer;

import io.newsqa.text.LanguageAnalyzers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How close together a sentence holds the question's terms: the distinct question terms it
 * matches over the number of analysed words from the first match to the last (1 when they stand
 * side by side, as in the question; near 0 when they are scattered over a long sentence). A
 * sentence that matches fewer than two terms has no proximity (0). Words are compared as the
 * extractive answerer compares them ({@link TermMatch#matches}).
 */
final class TermProximity {

    private TermProximity() {}

    static double of(Set<String> questionTerms, String sentence, String language) {
        List<String> words = LanguageAnalyzers.matchTerms(sentence, language);
        int first = -1;
        int last = -1;
        Set<String> matched = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            Set<String> word = Set.of(words.get(i));
            for (String term : questionTerms) {
                if (TermMatch.matches(term, word, language)) {
                    matched.add(term);
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
        }
        return matched.size() < 2 ? 0 : (double) matched.size() / (last - first + 1);
    }
}
