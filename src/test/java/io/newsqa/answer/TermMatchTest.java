package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsqa.text.LanguageAnalyzers;
import io.newsqa.text.QuestionTerms;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermMatchTest {

    private static Set<String> terms(String text, String language) {
        return new HashSet<>(LanguageAnalyzers.matchTerms(text, language));
    }

    @Test
    void arabicStemsOfOneRootMatchAcrossAnInfixOrAPreposition() {
        Set<String> sentence = terms("جرى اتصال هاتفي ببطاقة جديدة", "ar");

        assertThat(TermMatch.matches(LanguageAnalyzers.matchTerms("اتصل", "ar").get(0), sentence, "ar"))
                .isTrue();
        assertThat(TermMatch.matches(
                        LanguageAnalyzers.matchTerms("البطاقة", "ar").get(0), sentence, "ar"))
                .isTrue();
        assertThat(TermMatch.matches(
                        LanguageAnalyzers.matchTerms("المطار", "ar").get(0), sentence, "ar"))
                .isFalse();
    }

    @Test
    void englishTermsMatchOnlyAsTheirStems() {
        Set<String> sentence = terms("The ministers opened two libraries", "en");

        assertThat(TermMatch.matches(
                        LanguageAnalyzers.matchTerms("library", "en").get(0), sentence, "en"))
                .isTrue();
        assertThat(TermMatch.matches(
                        LanguageAnalyzers.matchTerms("librarian", "en").get(0), sentence, "en"))
                .isFalse();
    }

    @Test
    void coverageIsTheShareOfTheQuestionsTermsASentenceHolds() {
        Set<String> question = QuestionTerms.forMatching("Who opened the new library in Riyadh?", "en");

        double coverage = TermMatch.coverage(question, terms("The minister opened the library.", "en"), "en");

        assertThat(coverage).isCloseTo(2.0 / question.size(), within(1e-9));
        assertThat(TermMatch.coverage(Set.of(), terms("anything", "en"), "en")).isZero();
    }
}
