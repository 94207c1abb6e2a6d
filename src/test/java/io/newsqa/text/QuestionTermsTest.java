package io.newsqa.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionTermsTest {

    @Test
    void arabicPassiveAuxiliaryAndPronounsAreNotTermsToCover() {
        assertThat(QuestionTerms.forMatching("متى تم افتتاح المتحف؟", "ar"))
                .containsExactlyElementsOf(QuestionTerms.forMatching("متى افتتاح المتحف؟", "ar"));
        assertThat(QuestionTerms.forMatching("ما الذي أدى إليه تمهيد الطرق بشأن الغابة؟", "ar"))
                .containsExactlyElementsOf(QuestionTerms.forMatching("ما الذي أدى تمهيد الطرق الغابة؟", "ar"));
        assertThat(QuestionTerms.forMatching("من هما اللاعبان؟", "ar")).hasSize(1);
    }

    @Test
    void englishInterrogativesAndAuxiliariesAreNotTermsToCover() {
        assertThat(QuestionTerms.forMatching("When did the museum open?", "en"))
                .containsExactlyElementsOf(QuestionTerms.forMatching("museum open", "en"));
    }
}
