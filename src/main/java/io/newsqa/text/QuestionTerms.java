package io.newsqa.text;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The terms a question asks about: its analysed terms ({@link LanguageAnalyzers}) without the
 * interrogatives and auxiliaries that every question has and no answer needs ("how much", "when
 * does"). Left in, they would count against every sentence's coverage and make "how much is a
 * ticket?" look like a three-term question. (Arabic ones are stop words of its analyzer already.)
 */
public final class QuestionTerms {

    private static final Map<String, Set<String>> QUESTION_WORDS = Map.of("en", Set.copyOf(LanguageAnalyzers.terms(
            "what which who whom whose when where why how do does did much many", "en")));

    private QuestionTerms() {
    }

    /** The question's distinct content terms, in order of first appearance. */
    public static Set<String> of(String question, String language) {
        Set<String> terms = new LinkedHashSet<>(LanguageAnalyzers.terms(question, language));
        terms.removeAll(QUESTION_WORDS.getOrDefault(language, Set.of()));
        return terms;
    }
}
