package io.newsqa.translate;

import java.util.List;
import java.util.Set;

/**
 * A question's content words translated into another language, each as its alternative
 * renderings already reduced to that language's search terms (see
 * {@link io.newsqa.text.LanguageAnalyzers}).
 */
public record TranslatedQuestion(List<Word> words) {

    /** One question word: found in a sentence when every term of any one alternative is there. */
    public record Word(List<Set<String>> alternatives) {

        public boolean foundIn(Set<String> sentenceTerms) {
            for (Set<String> alternative : alternatives) {
                if (!alternative.isEmpty() && sentenceTerms.containsAll(alternative)) {
                    return true;
                }
            }
            return false;
        }
    }

    public TranslatedQuestion {
        words = List.copyOf(words);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** The share of the question's words that the sentence renders, in [0, 1]. */
    public double coverage(Set<String> sentenceTerms) {
        if (words.isEmpty()) {
            return 0;
        }
        long found = words.stream().filter(word -> word.foundIn(sentenceTerms)).count();
        return (double) found / words.size();
    }
}
