package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsqa.text.LanguageAnalyzers;
import io.newsqa.text.QuestionTerms;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermMatchTest {

    /** Whether the question's word, analysed as the answerer analyses it, is among the sentence's terms. */
    private static boolean matches(String word, String sentence, String language) {
        return TermMatch.matches(
                LanguageAnalyzers.matchTerms(word, language).get(0),
                new HashSet<>(LanguageAnalyzers.matchTerms(sentence, language)),
                language);
    }

    @Test
    void arabicStemsOfOneRootMatchAcrossAnInfixOrAPreposition() {
        String sentence = "جرى اتصال هاتفي ببطاقة جديدة";

        assertThat(matches("اتصل", sentence, "ar")).isTrue();
        assertThat(matches("البطاقة", sentence, "ar")).isTrue();
        assertThat(matches("المطار", sentence, "ar")).isFalse();
    }

    @Test
    void arabicBrokenPluralsAndWeakLetterFormsMatchByTheirConsonants() {
        assertThat(matches("الطرق", "سلك الطريق السريع شمالاً", "ar")).isTrue();
        assertThat(matches("المطر", "تعبر الغابة المطيرة", "ar")).isTrue();
        assertThat(matches("أهدافاً", "سجل ثلاثة أهداف", "ar")).isTrue();
        // two consonants tell too little: "قال" (said) is not "قليل" (few)
        assertThat(matches("قال", "عدد قليل من الزوار", "ar")).isFalse();
        assertThat(matches("الطرق", "ركب الطائرة", "ar")).isFalse();
    }

    @Test
    void englishTermsMatchOnlyAsTheirStems() {
        String sentence = "The ministers opened two libraries on the road";

        assertThat(matches("library", sentence, "en")).isTrue();
        assertThat(matches("librarian", sentence, "en")).isFalse();
        assertThat(matches("read", sentence, "en")).isFalse();
    }

    @Test
    void coverageIsTheShareOfTheQuestionsTermsASentenceHolds() {
        Set<String> question = QuestionTerms.forMatching("Who opened the new library in Riyadh?", "en");
        Set<String> sentence = new HashSet<>(LanguageAnalyzers.matchTerms("The minister opened the library.", "en"));

        assertThat(TermMatch.coverage(question, sentence, "en")).isCloseTo(2.0 / question.size(), within(1e-9));
        assertThat(TermMatch.coverage(Set.of(), sentence, "en")).isZero();
    }
}
