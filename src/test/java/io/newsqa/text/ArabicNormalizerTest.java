package io.newsqa.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArabicNormalizerTest {

    @Test
    void removesDiacriticsAndTatweel() {
        assertThat(ArabicNormalizer.normalize("مُحَمَّدٌ")).isEqualTo("محمد");
        assertThat(ArabicNormalizer.normalize("الكرمـــلين")).isEqualTo("الكرملين");
        assertThat(ArabicNormalizer.normalize("هٰذا")).isEqualTo("هذا");
    }

    @Test
    void unifiesAlefForms() {
        assertThat(ArabicNormalizer.normalize("أعلن إعلان آخر ٱلله")).isEqualTo("اعلن اعلان اخر الله");
    }

    @Test
    void unifiesFinalYehAndTehMarbuta() {
        assertThat(ArabicNormalizer.normalize("مستشفى")).isEqualTo("مستشفي");
        assertThat(ArabicNormalizer.normalize("الحكومة")).isEqualTo("الحكومه");
    }

    @Test
    void makesDifferentSpellingsOfOneWordEqual() {
        assertThat(ArabicNormalizer.normalize("إِسْرَائِيلِيَّة")).isEqualTo(ArabicNormalizer.normalize("اسرائيليه"));
    }

    @Test
    void leavesOtherScriptsAndPunctuationAlone() {
        String mixed = "Putin (بوتين) said: «no» — 2025, café.";
        assertThat(ArabicNormalizer.normalize(mixed)).isEqualTo(mixed);
        assertThat(ArabicNormalizer.normalize("")).isEmpty();
    }

    @Test
    void keepsTheLettersAroundWhatItRemoves() {
        assertThat(ArabicNormalizer.normalize("a\u064Eb\u0640c")).isEqualTo("abc");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> ArabicNormalizer.normalize(null)).isInstanceOf(NullPointerException.class);
    }
}
