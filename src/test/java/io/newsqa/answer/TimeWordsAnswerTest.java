package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.answer.conversation.Conversations;
import io.newsqa.answer.conversation.FileChatMemoryStore;
import io.newsqa.archive.SearchFilter;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.retrieve.time.ReferenceClock;
import io.newsqa.translate.CrossLingualRanking;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Time words over the sample archive, whose newest article (the book fair) is from 2 October 2025
 * and whose seed has no date: with the clock at 7 December 2026 a time word finds nothing and the
 * answer says where it looked and where the archive ends, then quotes the newest coverage; read
 * against the newest article ({@code time.now: latest-article}) the same words find it.
 */
class TimeWordsAnswerTest extends OverSampleArchive {

    private AnswerService service(String now) {
        Map<String, FusionWeights> weights =
                Map.of("ar", new FusionWeights(0.2, 1.0, 60), "en", new FusionWeights(1, 1, 60));
        QuestionTime time = new QuestionTime(
                true, ReferenceClock.of(now, "UTC", rig.archive::newestPublication), DayOfWeek.MONDAY, null);
        HybridSearch search = new HybridSearch(
                rig.archive,
                rig.embeddings,
                HybridSearch.Settings.of(language -> weights.getOrDefault(language, new FusionWeights(1, 1, 60)), 2),
                CrossLingualRanking.off(),
                time);
        return new AnswerService(
                search,
                6,
                rig.extractive(),
                rig.prompts,
                null,
                new Conversations(new FileChatMemoryStore(folder.resolve("conversations-" + now)), 10));
    }

    @Test
    void anEmptyWindowIsNamedWithTheNewestArticleAndTheNewestCoverageFollows() {
        Answer answer = service("2026-12-07T10:00:00Z").ask("Did the museum reopen yesterday?");

        assertThat(answer.answer())
                .startsWith("No articles from 6 December 2026 in the archive; the newest is from 2 October 2025."
                        + " Its newest coverage in the archive, from 14 September 2025: ");
        assertThat(answer.found()).isTrue();
        assertThat(answer.citations())
                .extracting(Citation::url)
                .containsExactly("https://example.org/sample/en/museum-reopens");
        assertThat(answer.appliedFilter().from()).isEqualTo(OffsetDateTime.parse("2026-12-06T00:00Z"));
        assertThat(answer.appliedFilter().reason()).isEqualTo("yesterday");
    }

    @Test
    void inArabicTooAndAWeekIsARange() {
        Answer answer = service("2026-12-07T10:00:00Z").ask("كم دار نشر تشارك في معرض الكتاب هذا الأسبوع؟");

        assertThat(answer.answer())
                .startsWith("لا توجد في الأرشيف مقالات من 7–13 ديسمبر 2026؛ أحدث مقالاته من 2 أكتوبر 2025."
                        + " أحدث ما في الأرشيف عن الموضوع، من 2 أكتوبر 2025: ");
        assertThat(answer.answer()).contains("300 دار نشر");
        assertThat(answer.citations())
                .extracting(Citation::url)
                .containsExactly("https://example.org/sample/ar/book-fair");
    }

    @Test
    void withNothingOnTheTopicAnywhereOnlyTheRangeIsNamedAndNothingIsFound() {
        Answer answer = service("2026-12-07T10:00:00Z").ask("How many people died in the Nile boat sinking yesterday?");

        assertThat(answer.found()).isFalse();
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.answer())
                .isEqualTo("No articles from 6 December 2026 in the archive; the newest is from 2 October 2025.");
    }

    @Test
    void theRequestsOwnDatesAreNamedButNotLeft() {
        Answer answer = service("2026-12-07T10:00:00Z")
                .ask(new Question(
                        "When does the tram line open?",
                        null,
                        new SearchFilter(
                                OffsetDateTime.parse("2025-01-01T00:00Z"),
                                OffsetDateTime.parse("2025-02-01T00:00Z"),
                                null,
                                null)));

        assertThat(answer.found()).isFalse();
        assertThat(answer.answer()).isEqualTo("Nothing in the archive from 1–31 January 2025 answers this.");
    }

    @Test
    void readAgainstTheNewestArticleTimeWordsFindWhatTheArchiveHasThatWeek() {
        String question = "كم دار نشر تشارك في معرض الكتاب هذا الأسبوع؟";

        Answer answer = service("latest-article").ask(question);

        assertThat(answer.found()).isTrue();
        assertThat(answer.answer()).startsWith("انطلقت").contains("300 دار نشر");
        assertThat(answer.appliedFilter().from())
                .as("the week of 2 October 2025")
                .isEqualTo(OffsetDateTime.parse("2025-09-29T00:00Z"));
        assertThat(answer.citations())
                .extracting(Citation::url)
                .containsExactly("https://example.org/sample/ar/book-fair");
    }
}
