package io.newsqa.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.text.LanguageAnalyzers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The question translated for the extractive answerer, read against the passages it will quote
 * from: names found among their words, a sense in the form they write it. On the real dictionaries.
 */
class QuestionTranslationTest {

    private final QuestionTranslation translation = new QuestionTranslation(InstalledDictionaries.translators());

    private static Set<String> terms(String sentence, String language) {
        return new HashSet<>(LanguageAnalyzers.terms(sentence, language));
    }

    private double coverage(String question, String from, String to, List<String> passages, String sentence) {
        return translation.translate(question, from, to, passages).orElseThrow().coverage(terms(sentence, to));
    }

    @Test
    void anEnglishSenseIsFoundInTheFormTheArabicPassageWritesIt() {
        // "friendly" is ودّي (search term ود); the passage writes مباراة ودية (ودي).
        String sentence = "وخسر الفريق مباراة ودية أمس";

        assertThat(coverage("friendly match", "en", "ar", List.of(sentence), sentence))
                .isEqualTo(1.0);
        assertThat(coverage("friendly match", "en", "ar", List.of(), sentence)).isEqualTo(0.5);
    }

    @Test
    void anArabicNameIsFoundAmongTheEnglishPassagesWords() {
        // تسلا is no dictionary word; the passage's "Tesla" shares its transliteration key.
        String sentence = "Tesla died in New York in January 1943.";

        assertThat(coverage("متى توفي تسلا؟", "ar", "en", List.of(sentence), sentence))
                .isGreaterThan(coverage("متى توفي تسلا؟", "ar", "en", List.of(), sentence));
    }

    @Test
    void withoutADictionaryForThePairThereIsNoTranslation() {
        assertThat(QuestionTranslation.off().translate("friendly match", "en", "ar", List.of("مباراة ودية")))
                .isEmpty();
    }
}
