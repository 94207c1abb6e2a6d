package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A news article's headline names its story: the question's words that the headline holds count
 * as said by every sentence of the article when runs are ranked, so the sentence with the detail
 * asked for is quoted rather than the lead that restates the headline; it never makes a sentence
 * quotable.
 */
class HeadlineContextTest {

    private static final OffsetDateTime JULY_2015 = OffsetDateTime.parse("2015-07-22T08:00:00+03:00");

    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer(
            null, new ExtractiveSettings(Map.of("ar", 0.48, "default", 0.5), Map.of("default", 0.0), 3, 700));

    private static Source article(String language, String title, String text) {
        return new Source(1, "clinics-" + language, title, null, JULY_2015, "Daily", language, 0, text);
    }

    @Test
    void quotesTheDetailRatherThanTheLeadThatRestatesTheHeadline() {
        String arabicText = "عاينت العيادات السعودية الطبية في مخيم الزعتري 1343 حالة خلال الأسبوع. "
                + "وكان معظم المرضى من اللاجئين القادمين من سوريا. "
                + "وأوضح المدير الطبي للعيادات السعودية الدكتور محمد الزعبي أن الحالات شملت أمراض الأطفال.";
        String englishText = "The Saudi medical clinics at the Zaatari camp treated 1,343 cases this week. "
                + "Most patients were refugees from Syria. "
                + "The medical director of the Saudi clinics, Dr. Mohammed Al-Zoubi, said most cases were children.";
        String arabicQuestion = "من المدير الطبي للعيادات السعودية في مخيم الزعتري؟";
        String englishQuestion = "Who is the medical director of the Saudi clinics at the Zaatari camp?";

        assertThat(answerer.answer(
                                arabicQuestion,
                                "ar",
                                List.of(article("ar", "العيادات السعودية في مخيم الزعتري تعالج 1343 حالة", arabicText)))
                        .answer())
                .contains("الزعبي")
                .doesNotContain("1343");
        assertThat(answerer.answer(
                                englishQuestion,
                                "en",
                                List.of(article("en", "Saudi clinics at Zaatari camp treat 1,343 cases", englishText)))
                        .answer())
                .contains("Al-Zoubi")
                .doesNotContain("1,343");
        assertThat(answerer.answer(arabicQuestion, "ar", List.of(article("ar", "", arabicText)))
                        .answer())
                .as("without a headline the lead covers the question best")
                .contains("1343");
        assertThat(answerer.answer(englishQuestion, "en", List.of(article("en", "", englishText)))
                        .answer())
                .contains("1,343");
    }

    @Test
    void theHeadlineNeverMakesASentenceQuotable() {
        Source article = article(
                "ar",
                "العيادات السعودية في مخيم الزعتري تعالج 1343 حالة",
                "وأوضح المدير الطبي الدكتور محمد الزعبي أن الحالات شملت أمراض الأطفال. "
                        + "وكان معظم المرضى من اللاجئين القادمين من سوريا.");

        assertThat(answerer.answer("من المدير الطبي للعيادات السعودية في مخيم الزعتري؟", "ar", List.of(article))
                        .found())
                .as("the sentence covers two of the question's six words; the headline the rest")
                .isFalse();
    }
}
