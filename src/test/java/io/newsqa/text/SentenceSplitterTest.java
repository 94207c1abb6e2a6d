package io.newsqa.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsqa.support.Seed;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void splitsArabicAtItsQuestionMarkAndFullStopButNotAtCommas() {
        assertThat(SentenceSplitter.split(
                        "أجرى بوتين اتصالا، وناقشا الوضع في سوريا. هل اتفقا؟ نعم! ثم ماذا… لا شيء؛ انتهى."))
                .containsExactly(
                        "أجرى بوتين اتصالا، وناقشا الوضع في سوريا.", "هل اتفقا؟", "نعم!", "ثم ماذا…", "لا شيء؛ انتهى.");
    }

    @Test
    void splitsTheSeedIntoItsRealSentences() {
        String seed = DebrisCleaner.clean(Seed.text());

        List<String> sentences = SentenceSplitter.split(seed);

        assertThat(sentences)
                .as("the headline keeps its '..' pause")
                .first()
                .isEqualTo("للمرة الثانية خلال أسبوع.. بوتين يجري إتصالا هاتفيا مع نتنياهو");
        assertThat(sentences)
                .contains(
                        "كما تناولت المحادثة التصعيد الأخير بين إيران وإسرائيل، حيث عبّر الجانب الروسي عن استعداده لبذل جهود وساطة"
                                + " تهدف إلى دفع الحلول التفاوضية المرتبطة بالبرنامج النووي الإيراني.",
                        "واتفق الطرفان على استمرار التواصل حول أبرز القضايا الدولية والثنائية المطروحة.",
                        "ما دلالات الإتصال الهاتفي بين بوتين ونتنياهو");
        assertThat(sentences)
                .as("the date '28 يوليو' stays inside its sentence")
                .anySatisfy(sentence -> assertThat(sentence)
                        .startsWith("ويعد هذا الاتصال الثاني")
                        .contains("في 28 يوليو")
                        .endsWith("الأوسط."));
        assertThat(sentences)
                .hasSize(13)
                .last()
                .isEqualTo(
                        "وفي ظل انشغال واشنطن بقضايا دولية كبرى، وفي مقدمتها الحرب في أوكرانيا، تجد موسكو نفسها في موقع يمكنها"
                                + " من لعب دور نسبي في ضبط بعض الملفات الإقليمية الحساسة.");
    }

    @Test
    void splitsArabicSentencesGluedWithoutASpaceButNotArabicInitials() {
        assertThat(SentenceSplitter.split(
                        "ناقشا القضايا المطروحة.واتفق الطرفان على اللقاء. وقال أ.د. سامي إن النسبة 3.5 بالمئة."))
                .containsExactly(
                        "ناقشا القضايا المطروحة.", "واتفق الطرفان على اللقاء.", "وقال أ.د. سامي إن النسبة 3.5 بالمئة.");
        assertThat(SentenceSplitter.split("قال د. أحمد إن الحرارة بلغت 48.5 درجة. ثم غادر."))
                .containsExactly("قال د. أحمد إن الحرارة بلغت 48.5 درجة.", "ثم غادر.");
    }

    @Test
    void everyLineIsASentenceBoundary() {
        assertThat(SentenceSplitter.split("Headline without a stop\n\nFirst paragraph. Second one\r\nThird line"))
                .containsExactly("Headline without a stop", "First paragraph.", "Second one", "Third line");
    }

    @Test
    void keepsDecimalsAbbreviationsAndInitialsInsideTheSentence() {
        assertThat(SentenceSplitter.split(
                        "Mr. Smith paid 3.5 million to the U.S. Treasury on Jan. 4. J. R. Doe agreed."))
                .containsExactly("Mr. Smith paid 3.5 million to the U.S. Treasury on Jan. 4.", "J. R. Doe agreed.");
        assertThat(SentenceSplitter.split(
                        "Dr. Lee met officials, e.g. the mayor, at 10 a.m. on Main St. near No. 5. It rained."))
                .containsExactly(
                        "Dr. Lee met officials, e.g. the mayor, at 10 a.m. on Main St. near No. 5.", "It rained.");
    }

    @Test
    void keepsNumberedDatesAndVersionsWhole() {
        assertThat(SentenceSplitter.split("The line opened on 3.6.2025 and carried 40,000 riders. Fares rose 2.5%."))
                .containsExactly("The line opened on 3.6.2025 and carried 40,000 riders.", "Fares rose 2.5%.");
    }

    @Test
    void doesNotEndASentenceBeforeALowerCaseWord() {
        assertThat(SentenceSplitter.split("Trams, buses, ferries etc. are free. Approx. half the riders agreed."))
                .containsExactly("Trams, buses, ferries etc. are free.", "Approx. half the riders agreed.");
        assertThat(SentenceSplitter.split("The Hwy. to the port is closed."))
                .as("an unknown abbreviation before a lower-case word")
                .containsExactly("The Hwy. to the port is closed.");
    }

    @Test
    void keepsClosingQuotesWithTheirSentence() {
        assertThat(SentenceSplitter.split("He said \"it is over.\" Then he left. قالت: «انتهى الأمر.» ثم غادرت."))
                .containsExactly("He said \"it is over.\"", "Then he left.", "قالت: «انتهى الأمر.»", "ثم غادرت.");
    }

    @Test
    void splitsAtQuestionAndExclamationMarksEvenBeforeLowerCase() {
        assertThat(SentenceSplitter.split("Why now? nobody knows! Really?! Yes."))
                .containsExactly("Why now?", "nobody knows!", "Really?!", "Yes.");
    }

    @Test
    void nothingToSplitGivesNothing() {
        assertThat(SentenceSplitter.split("")).isEmpty();
        assertThat(SentenceSplitter.split(" \n\n \t")).isEmpty();
    }

    @Test
    void cutsALongSentenceAtClauseMarksIntoPiecesThatFit() {
        String sentence = "أعلن المتحدث الرسمي، أن الرئيس أجرى اتصالا؛ وناقشا الوضع في المنطقة، وفقا للبيان";

        assertThat(SentenceSplitter.splitClauses(sentence, 1))
                .containsExactly(
                        "أعلن المتحدث الرسمي،", "أن الرئيس أجرى اتصالا؛", "وناقشا الوضع في المنطقة،", "وفقا للبيان");
        assertThat(SentenceSplitter.splitClauses(sentence, 45))
                .containsExactly("أعلن المتحدث الرسمي، أن الرئيس أجرى اتصالا؛", "وناقشا الوضع في المنطقة، وفقا للبيان");
        assertThat(SentenceSplitter.splitClauses(sentence, sentence.length())).containsExactly(sentence);
    }

    @Test
    void clauseSplittingLeavesNumbersAndSentencesWithoutMarksWhole() {
        assertThat(SentenceSplitter.splitClauses("About 40,000 riders at 12:30, then more", 10))
                .containsExactly("About 40,000 riders at 12:30,", "then more");
        assertThat(SentenceSplitter.splitClauses("one very long clause without any marks at all", 5))
                .containsExactly("one very long clause without any marks at all");
        assertThatThrownBy(() -> SentenceSplitter.splitClauses("a, b", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
