package io.newsqa.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void splitsArabicAtItsQuestionMarkAndFullStopButNotAtCommas() {
        assertThat(SentenceSplitter.split("أجرى بوتين اتصالا، وناقشا الوضع في سوريا. هل اتفقا؟ نعم!"))
                .containsExactly("أجرى بوتين اتصالا، وناقشا الوضع في سوريا.", "هل اتفقا؟", "نعم!");
    }

    @Test
    void everyLineIsASentenceBoundary() {
        assertThat(SentenceSplitter.split("Headline without a stop\n\nFirst paragraph. Second one"))
                .containsExactly("Headline without a stop", "First paragraph.", "Second one");
    }

    @Test
    void keepsDecimalsAbbreviationsAndInitialsInsideTheSentence() {
        assertThat(SentenceSplitter.split("Mr. Smith paid 3.5 million to the U.S. Treasury on Jan. 4. J. R. Doe agreed."))
                .containsExactly("Mr. Smith paid 3.5 million to the U.S. Treasury on Jan. 4.", "J. R. Doe agreed.");
    }

    @Test
    void keepsClosingQuotesWithTheirSentence() {
        assertThat(SentenceSplitter.split("He said \"it is over.\" Then he left."))
                .containsExactly("He said \"it is over.\"", "Then he left.");
    }

    @Test
    void cutsLongSentencesAtClauseMarks() {
        assertThat(SentenceSplitter.splitClauses("أولا، ثانيا؛ ثالثا, رابعا", 1))
                .containsExactly("أولا،", "ثانيا؛", "ثالثا,", "رابعا");
        assertThat(SentenceSplitter.splitClauses("short, clauses, here", 100)).containsExactly("short, clauses, here");
    }
}
