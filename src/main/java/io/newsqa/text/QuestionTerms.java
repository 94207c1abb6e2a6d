package io.newsqa.text;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The terms a question asks about: its analysed terms ({@link LanguageAnalyzers}) without the
 * interrogatives and auxiliaries that every question has and no answer needs ("how much", "when
 * does"). Left in, they would count against every sentence's coverage and make "how much is a
 * ticket?" look like a three-term question. (Arabic interrogatives are stop words of its analyzer
 * already.) Also left out: "happen" (ماذا حدث، ما الذي جرى), which names no topic — the Arabic
 * stem of "حدث" is that of "حدثنا" (he told us), so "what happened?" matched isnad chains — and
 * the days the search reads as a date filter (yesterday, today, أمس): a passage of that day
 * need not repeat the word. Arabic questions are also asked in the passive with "تم" / "يتم" (was done)
 * and with "قام ب" (did), of "هما" (the two), "بشأن" (about), "إليه" (to it): the answer says "أُلغي"
 * or "ألغت الحكومة", never "تم", so they would only count against it.
 */
public final class QuestionTerms {

    private static final Map<String, String> QUESTION_WORDS = Map.of(
            "en",
            "what which who whom whose when where why how do does did much many"
                    + " happen happened happens occur occurred yesterday today tomorrow",
            "ar",
            "حدث يحدث حدثت جرى يجري حصل يحصل أمس الأمس البارحة اليوم غدا"
                    + " تم تمت يتم تتم قام قامت يقوم تقوم هما هم بماذا بم إلام ام إليه عليه فيه منه بشأن أية أي ذا لكل");
    private static final Map<String, Set<String>> QUESTION_TERMS = analysed(LanguageAnalyzers::terms);
    private static final Map<String, Set<String>> QUESTION_MATCH_TERMS = analysed(LanguageAnalyzers::matchTerms);

    private QuestionTerms() {}

    /** The question's distinct content terms, in order of first appearance. */
    public static Set<String> of(String question, String language) {
        Set<String> terms = new LinkedHashSet<>(LanguageAnalyzers.terms(question, language));
        terms.removeAll(QUESTION_TERMS.getOrDefault(language, Set.of()));
        return terms;
    }

    /** The same, as {@link LanguageAnalyzers#matchTerms} analyses them, to compare with sentences. */
    public static Set<String> forMatching(String question, String language) {
        Set<String> terms = new LinkedHashSet<>(LanguageAnalyzers.matchTerms(question, language));
        terms.removeAll(QUESTION_MATCH_TERMS.getOrDefault(language, Set.of()));
        return terms;
    }

    private static Map<String, Set<String>> analysed(BiFunction<String, String, List<String>> analyser) {
        Map<String, Set<String>> byLanguage = new HashMap<>();
        QUESTION_WORDS.forEach(
                (language, words) -> byLanguage.put(language, Set.copyOf(analyser.apply(words, language))));
        return Map.copyOf(byLanguage);
    }
}
