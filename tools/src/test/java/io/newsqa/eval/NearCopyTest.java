package io.newsqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearCopyTest {

    private static final String GOLD =
            "تمكنت الجهات الأمنية في الأردن من القبض على عائلة سعودية مكونة من امرأة وابنتها وابنها"
                    + " وبحوزة الابن 200 ألف حبة مخدرة عبر إحدى نقاط التفتيش. وأحيلت القضية للتحقيق.";
    private static final List<String> ANSWER = List.of("200 ألف حبة");

    @Test
    void anotherPapersPrintOfTheSameStoryIsACopy() {
        // Another desk: its own opening line, the hamza spelled differently, the sentence kept.
        String copy =
                "عمان - واس\nتمكنت الجهات الامنية في الاردن من القبض على عائلة سعودية مكونة من امراة وابنتها وابنها"
                        + " وبحوزة الابن 200 ألف حبة مخدرة، وذلك عبر إحدى نقاط التفتيش الحدودية.";
        assertThat(NearCopy.holdsAnswerOf(GOLD, ANSWER, copy)).isTrue();
    }

    @Test
    void aReportInOtherWordsIsNotACopyEvenWithTheSameFigure() {
        String other = "ضبطت السلطات 200 ألف حبة من المخدرات في شحنة قادمة عبر الميناء، وأوقفت ثلاثة متهمين.";
        assertThat(NearCopy.holdsAnswerOf(GOLD, ANSWER, other)).isFalse();
    }

    @Test
    void theSameSentenceWithoutTheAnswerIsNotACopy() {
        // A later version of the story that changed the figure answers something else.
        String changed = "تمكنت الجهات الأمنية في الأردن من القبض على عائلة سعودية مكونة من امرأة وابنتها وابنها"
                + " وبحوزة الابن 300 ألف حبة مخدرة عبر إحدى نقاط التفتيش.";
        assertThat(NearCopy.holdsAnswerOf(GOLD, ANSWER, changed)).isFalse();
    }

    @Test
    void theAnswerMustBeWholeWords() {
        String gold = "The plant produces 120 thousand cubic metres a day, the ministry said on Monday.";
        String copy = "The plant produces 1120 thousand cubic metres a day, the ministry said on Monday.";
        assertThat(NearCopy.holdsAnswerOf(gold, List.of("120 thousand cubic metres"), copy))
                .isFalse();
        assertThat(NearCopy.holdsAnswerOf(gold, List.of("120 thousand cubic metres"), "Riyadh: " + gold))
                .isTrue();
    }

    @Test
    void withoutAGoldAnswerNothingIsACopy() {
        assertThat(NearCopy.holdsAnswerOf(GOLD, List.of(), GOLD)).isFalse();
    }
}
