package io.newsqa.retrieve.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.archive.SearchFilter;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every time expression the parser knows, read on Thursday 23 July 2015, 10:00 in Riyadh. */
class QuestionTimeTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final Clock THURSDAY =
            Clock.fixed(OffsetDateTime.parse("2015-07-23T10:00:00+03:00").toInstant(), RIYADH);
    private final QuestionTime time = new QuestionTime(true, THURSDAY, DayOfWeek.MONDAY, Duration.ofDays(30));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "open", textBlock = """
            What did the minister say today?             | 2015-07-23 | 2015-07-24 | today
            What happened yesterday in Jeddah?           | 2015-07-22 | 2015-07-23 | yesterday
            Floods this week                             | 2015-07-20 | 2015-07-27 | this week
            Which talks failed last week?                | 2015-07-13 | 2015-07-20 | last week
            oil prices this month                        | 2015-07-01 | 2015-08-01 | this month
            oil prices last month                        | 2015-06-01 | 2015-07-01 | last month
            Who won the vote in July 2015?               | 2015-07-01 | 2015-08-01 | in july 2015
            Who won the vote in 2015?                    | 2015-01-01 | 2016-01-01 | in 2015
            What happened on 22 July 2015 in Riyadh?     | 2015-07-22 | 2015-07-23 | on 22 july 2015
            What happened on July 22, 2015?              | 2015-07-22 | 2015-07-23 | on july 22, 2015
            What changed on 2015-07-22?                  | 2015-07-22 | 2015-07-23 | on 2015-07-22
            Strikes since March                          | 2015-03-01 | open       | since march
            What happened in September?                  | 2014-09-01 | 2014-10-01 | in september
            Strikes since 2014                           | 2014-01-01 | open       | since 2014
            ماذا قال الوزير اليوم؟                        | 2015-07-23 | 2015-07-24 | اليوم
            ماذا حدث أمس في جدة؟                          | 2015-07-22 | 2015-07-23 | امس
            ماذا حدث امس في جدة؟                          | 2015-07-22 | 2015-07-23 | امس
            ماذا حدث بالأمس في جدة؟                       | 2015-07-22 | 2015-07-23 | بالامس
            ما أخبار الأسبوع الماضي عن النفط؟             | 2015-07-13 | 2015-07-20 | الاسبوع الماضي
            أسعار النفط هذا الأسبوع                       | 2015-07-20 | 2015-07-27 | هذا الاسبوع
            ماذا قرر المجلس الشهر الماضي؟                 | 2015-06-01 | 2015-07-01 | الشهر الماضي
            من فاز في يوليو 2015؟                         | 2015-07-01 | 2015-08-01 | في يوليو 2015
            من فاز في تموز 2015؟                          | 2015-07-01 | 2015-08-01 | في تموز 2015
            من فاز في كانون الثاني 2015؟                  | 2015-01-01 | 2015-02-01 | في كانون الثاني 2015
            ماذا حدث في كانون الأول ٢٠١٤؟                 | 2014-12-01 | 2015-01-01 | في كانون الاول 2014
            ماذا حدث في تشرين الأول 2014؟                 | 2014-10-01 | 2014-11-01 | في تشرين الاول 2014
            ماذا حدث في ديسمبر 2014؟                      | 2014-12-01 | 2015-01-01 | في ديسمبر 2014
            كم بلغت الميزانية عام 2015؟                   | 2015-01-01 | 2016-01-01 | عام 2015
            كم بلغت الميزانية سنة 2014م؟                  | 2014-01-01 | 2015-01-01 | سنه 2014م
            ماذا حدث يوم 22 يوليو 2015؟                   | 2015-07-22 | 2015-07-23 | يوم 22 يوليو 2015
            الإضرابات منذ مارس                            | 2015-03-01 | open       | منذ مارس
            """)
    void aTimeExpressionBecomesADateWindowInTheConfiguredZone(
            String question, LocalDate from, LocalDate to, String words) {
        TimeReading reading = time.read(question, SearchFilter.none());

        assertThat(reading.filter().publishedFrom())
                .isEqualTo(from.atStartOfDay(RIYADH).toOffsetDateTime());
        assertThat(reading.filter().publishedTo())
                .isEqualTo(to == null ? null : to.atStartOfDay(RIYADH).toOffsetDateTime());
        assertThat(reading.applied())
                .isEqualTo(new AppliedFilter(
                        reading.filter().publishedFrom(), reading.filter().publishedTo(), words, false));
        assertThat(QuestionText.normalize(reading.searchText())).doesNotContain(words);
        assertThat(reading.prior().active()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Who chairs the council of ministers?
            What does the national day celebrate in Riyadh?
            ماذا يعني اليوم الوطني للسعوديين؟
            ماذا نشرت صحيفة اليوم عن الميزانية؟
            ماذا قال أبو محمد عن المطار؟
            What did the 2015 budget promise?
            They may march on the capital
            """)
    void wordsThatOnlyLookLikeTimeSetNoWindow(String question) {
        TimeReading reading = time.read(question, SearchFilter.none());

        assertThat(reading.filter().hasDateBounds()).isFalse();
        assertThat(reading.searchText()).isEqualTo(question);
    }

    @Test
    void aDayThatDoesNotExistLeavesItsMonth() {
        assertThat(time.read("What did the 31 June 2015 report say?", SearchFilter.none())
                        .applied()
                        .reason())
                .isEqualTo("june 2015");
    }

    @Test
    void aWeekStartsOnTheConfiguredDay() {
        QuestionTime sundayWeeks = new QuestionTime(true, THURSDAY, DayOfWeek.SUNDAY, null);

        assertThat(sundayWeeks
                        .read("أسعار النفط هذا الأسبوع", SearchFilter.none())
                        .filter()
                        .publishedFrom())
                .isEqualTo(OffsetDateTime.parse("2015-07-19T00:00:00+03:00"));
    }

    @Test
    void theTimeWordsLeaveTheSearchTextButTheSourcesAndLanguagesOfTheRequestStay() {
        SearchFilter request = new SearchFilter(null, null, Set.of("wire-a"), Set.of("ar"));

        TimeReading reading = time.read("ماذا حدث أمس في جدة؟", request);

        assertThat(reading.searchText()).isEqualTo("ماذا حدث في جدة؟");
        assertThat(reading.filter().sources()).containsExactly("wire-a");
        assertThat(reading.filter().languages()).containsExactly("ar");
    }

    @Test
    void theSearchTextKeepsTheQuestionsOwnSpellingAndCapitals() {
        assertThat(time.read("What did Aramco announce on 22 July 2015 in Dhahran?", SearchFilter.none())
                        .searchText())
                .isEqualTo("What did Aramco announce in Dhahran?");
        assertThat(time.read("ماذا أعلنت أرامكو في الأسبوعِ الماضي؟", SearchFilter.none())
                        .searchText())
                .isEqualTo("ماذا أعلنت أرامكو في ؟");
    }

    @Test
    void aQuestionThatIsOnlyATimeExpressionIsSearchedAsAsked() {
        assertThat(time.read("yesterday", SearchFilter.none()).searchText()).isEqualTo("yesterday");
    }

    @Test
    void theRequestsOwnDatesWinOverTheQuestionsTimeWords() {
        OffsetDateTime from = OffsetDateTime.parse("2014-01-01T00:00:00Z");
        SearchFilter request = new SearchFilter(from, null, Set.of(), Set.of());

        TimeReading reading = time.read("What is the latest on the strike yesterday?", request);

        assertThat(reading.filter()).isEqualTo(request);
        assertThat(reading.searchText()).isEqualTo("What is the latest on the strike yesterday?");
        assertThat(reading.applied()).isEqualTo(new AppliedFilter(from, null, AppliedFilter.REQUEST, false));
        assertThat(reading.prior().active()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            What is the latest on the metro?               | latest
            Is the strike still on?                        | still
            Who currently runs the port?                   | currently
            ما آخر أخبار المترو؟                            | اخر
            ما أحدث ما قيل عن المترو؟                       | احدث
            ماذا حدث في المترو حتى الآن؟                    | حتي الان
            هل لا يزال الإضراب مستمرا؟                      | لا يزال
            """)
    void aRecencyCueWithoutADateTurnsOnThePrior(String question, String cue) {
        TimeReading reading = time.read(question, SearchFilter.none());

        assertThat(reading.prior().active()).isTrue();
        assertThat(reading.applied()).isEqualTo(new AppliedFilter(null, null, cue, true));
        assertThat(reading.filter().hasDateBounds()).isFalse();
        assertThat(reading.searchText()).isEqualTo(question);
    }

    @Test
    void thePriorHalvesWithEachHalfLifeAndLeavesUndatedArticlesAlone() {
        TimeReading reading = time.read("latest on the metro", SearchFilter.none());
        OffsetDateTime now = OffsetDateTime.now(THURSDAY);

        assertThat(reading.prior().boost(now)).isEqualTo(2.0);
        assertThat(reading.prior().boost(now.minusDays(30))).isEqualTo(1.5);
        assertThat(reading.prior().boost(now.minusDays(60))).isEqualTo(1.25);
        assertThat(reading.prior().boost(now.plusDays(3))).isEqualTo(2.0);
        assertThat(reading.prior().boost(null)).isEqualTo(1.0);
    }

    @Test
    void aDateInTheQuestionMeansNoPrior() {
        TimeReading reading = time.read("What is the latest from last week?", SearchFilter.none());

        assertThat(reading.filter().hasDateBounds()).isTrue();
        assertThat(reading.prior().active()).isFalse();
    }

    @Test
    void offReadsNothing() {
        TimeReading reading =
                QuestionTime.off().read("Who won the vote in 1998, and who is the latest winner?", SearchFilter.none());

        assertThat(reading)
                .isEqualTo(TimeReading.unchanged(
                        "Who won the vote in 1998, and who is the latest winner?", SearchFilter.none()));
        assertThat(reading.prior().boost(OffsetDateTime.now(THURSDAY))).isEqualTo(1.0);
    }

    @Test
    void withoutAHalfLifeThereIsNoPrior() {
        QuestionTime noPrior = new QuestionTime(true, THURSDAY, DayOfWeek.MONDAY, Duration.ZERO);

        assertThat(noPrior.read("latest on the metro", SearchFilter.none())
                        .prior()
                        .active())
                .isFalse();
    }

    @Test
    void aReferenceClockIsADayOrATimeAndABadOneSaysWhatToWrite() {
        assertThat(ReferenceClock.of("2015-07-23", "Asia/Riyadh", java.util.Optional::empty)
                        .instant())
                .isEqualTo(OffsetDateTime.parse("2015-07-23T00:00:00+03:00").toInstant());
        assertThat(ReferenceClock.of("2015-07-23T12:00:00+03:00", "UTC", java.util.Optional::empty)
                        .instant())
                .isEqualTo(OffsetDateTime.parse("2015-07-23T09:00:00Z").toInstant());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ReferenceClock.of("July", "UTC", java.util.Optional::empty))
                .hasMessageContaining("2015-07-23");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ReferenceClock.of("", "Mars/Olympus", java.util.Optional::empty))
                .hasMessageContaining("Asia/Riyadh");
    }
}
