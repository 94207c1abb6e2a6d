package io.newsqa.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubHeadingsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ما دلالات الإتصال الهاتفي بين بوتين ونتنياهو",
                "بوتين ونتنياهو",
                "What the second call means",
                "  Reactions  "
            })
    void aShortLineWithoutEndPunctuationIsASubHeading(String line) {
        assertThat(SubHeadings.isSubHeading(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ويعد هذا الاتصال الثاني بين بوتين ونتنياهو خلال أسبوع واحد.",
                "لماذا اتصل بوتين؟",
                "The line opens in June!",
                "He said: \"it opens in June.\"",
                "وقال الوزير:",
                // a sentence whose full stop the dump dropped: too long for a heading
                "وأوضحت البلدية أن تأخر الافتتاح عن موعده الأصلي في مارس يعود إلى اختبارات السلامة الإضافية على الجسر المعلق",
                ""
            })
    void aSentenceWithEndPunctuationOrOfSentenceLengthIsNot(String line) {
        assertThat(SubHeadings.isSubHeading(line)).isFalse();
    }
}
