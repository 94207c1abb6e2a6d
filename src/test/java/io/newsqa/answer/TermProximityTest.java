package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsqa.text.QuestionTerms;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermProximityTest {

    @Test
    void termsSideBySideAreCloserThanTermsScatteredOverTheSentence() {
        Set<String> terms = QuestionTerms.forMatching("Who opened the new library?", "en");

        double together = TermProximity.of(terms, "Minister Ali opened the new library on Sunday.", "en");
        double scattered = TermProximity.of(
                terms,
                "The library was new to many visitors who came from the villages, "
                        + "and the festival was opened by Governor Sami.",
                "en");

        assertThat(together).isCloseTo(1.0, within(1e-9));
        assertThat(scattered).isLessThan(0.5);
    }

    @Test
    void arabicTermsAreMatchedOnTheirLightStems() {
        Set<String> terms = QuestionTerms.forMatching("من افتتح المكتبة الجديدة؟", "ar");

        double together = TermProximity.of(terms, "افتتح الوزير المكتبة الجديدة يوم الأحد.", "ar");
        double scattered = TermProximity.of(
                terms,
                "كانت المكتبة جديدة على كثير من الزوار القادمين من القرى البعيدة، " + "وافتتح المحافظ سامي المهرجان.",
                "ar");

        assertThat(together).isGreaterThan(scattered);
    }

    @Test
    void aSentenceWithOneTermOrNoneHasNoProximity() {
        Set<String> terms = QuestionTerms.forMatching("Who opened the new library?", "en");

        assertThat(TermProximity.of(terms, "The library is closed on Mondays.", "en"))
                .isZero();
        assertThat(TermProximity.of(terms, "", "en")).isZero();
    }
}
