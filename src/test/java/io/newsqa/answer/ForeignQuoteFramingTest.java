package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.translate.DictionaryTranslators;
import io.newsqa.translate.QuestionTranslation;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A quote in another language than the reader's, framed for the reader. */
class ForeignQuoteFramingTest {

    private static final QuestionTranslation DICTIONARIES = new QuestionTranslation(DictionaryTranslators.load(
            Path.of("/usr/share/dictd"), Path.of("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo"), 4));
    private final ForeignQuoteFraming framing = new ForeignQuoteFraming(DICTIONARIES);

    private static Source source(String outlet, OffsetDateTime date, String language, String text) {
        return new Source(1, "a1", "title", null, date, outlet, language, 0, text);
    }

    @Test
    void anArabicQuoteForAnEnglishReaderSaysWhatItIsAndGivesItsFiguresAndNames() {
        String sentence = "واحتج سيرجي لافروف وزير الخارجية يوم 23 يوليو 2015 على عقوبات بقيمة 5 مليارات يورو.";
        Source cited = source("aleqtisadiya", OffsetDateTime.parse("2015-07-24T10:00:00+03:00"), "ar", sentence);

        String text = framing.frame("What did Lavrov protest against?", cited, List.of(sentence), 1, "en");

        assertThat(text).startsWith("An Arabic report in aleqtisadiya, 24 July 2015, says: «" + sentence + "» [1]");
        assertThat(text).contains("Figures in it: 23 July 2015; 5 billion.");
        // The question's spelling of the name it asks about (others would be read letter by letter).
        assertThat(text).contains("Names in it: Lavrov (لافروف)");
        assertThat(text).as("inflected common words are no names").doesNotContain("(واحتج)", "(الخارجيه)");
    }

    @Test
    void withoutOutletOrDateTheFrameSaysLess() {
        String sentence = "وقال المتحدث إن الاجتماع انتهى.";

        assertThat(framing.frame(
                        "What did the spokesman say?", source(null, null, "ar", sentence), List.of(sentence), 2, "en"))
                .isEqualTo("An Arabic report says: «" + sentence + "» [2]");
    }

    @Test
    void anEnglishQuoteForAnArabicReaderIsFramedInArabic() {
        String sentence = "Putin called Netanyahu twice.";
        Source cited = source("Reuters", OffsetDateTime.parse("2015-07-23T10:00:00Z"), "en", sentence);

        assertThat(framing.frame("لماذا اتصل بوتين؟", cited, List.of(sentence), 1, "ar"))
                .isEqualTo("يقول تقرير بالإنجليزية في Reuters، 23 يوليو 2015: «" + sentence + "» [1]");
    }
}
