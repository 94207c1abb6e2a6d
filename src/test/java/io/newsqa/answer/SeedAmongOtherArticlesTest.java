package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.ingest.article.PlainTextArticle;
import io.newsqa.support.QuotedSentences;
import io.newsqa.support.SaudiNewsNet;
import io.newsqa.support.Slow;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed among 200 other real Arabic news articles (SaudiNewsNet, 21 July 2015, test data read
 * from ../shared; skipped without it): the headline question, in Arabic and in English, is answered with the fact —
 * the second call within a week, after the 28 July call on Syria — from the seed, cited; also when
 * the seed is stored without its headline.
 */
@Slow
class SeedAmongOtherArticlesTest {

    private static final DateTimeFormatter EXTRACTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final int OTHER_ARTICLES = 200;

    @TempDir
    static Path folder;

    static AnswerRig rig;

    @BeforeAll
    static void archiveWithTwoHundredOtherArticles() throws Exception {
        Path day = SaudiNewsNet.day("2015-07-21.zip");
        rig = new AnswerRig(folder);
        int added = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(day))) {
            ZipEntry entry = zip.getNextEntry();
            assertThat(entry).isNotNull();
            JsonNode articles = new ObjectMapper().readTree((InputStream) zip);
            for (JsonNode article : articles) {
                if (added == OTHER_ARTICLES) {
                    break;
                }
                String body = article.path("content").asText("").strip();
                String title = article.path("title").asText("").strip();
                if (body.length() < 200 || title.isEmpty()) {
                    continue;
                }
                ParsedArticle parsed = new ParsedArticle(
                        title,
                        body,
                        article.path("url").asText(null),
                        article.path("source").asText(null),
                        LocalDateTime.parse(article.get("date_extracted").asText(), EXTRACTED)
                                .atOffset(ZoneOffset.ofHours(3)),
                        "ar");
                if (rig.ingestor.ingest(parsed) == IngestOutcome.ADDED) {
                    added++;
                }
            }
        }
        assertThat(added).isEqualTo(OTHER_ARTICLES);
    }

    @AfterAll
    static void close() {
        // Null when the SaudiNewsNet day is missing and the class was skipped before building it.
        if (rig != null) {
            rig.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {AnswerRig.SEED_QUESTION, "Why did Putin call Netanyahu twice?"})
    void theHeadlineQuestionIsAnsweredWithTheSecondCallAfterThe28JulyCall(String question) {
        Answer answer = rig.translatingService().ask(question);

        assertSecondCallAfterThe28July(answer);
        assertThat(answer.citations().get(0).title()).isEqualTo(AnswerRig.SEED_TITLE);
        String seedText = readSeed();
        assertThat(QuotedSentences.of(answer.answer()))
                .isNotEmpty()
                .allSatisfy(sentence -> assertThat(seedText)
                        .as("every quoted sentence comes from the cited seed")
                        .contains(sentence));
    }

    @Test
    void alsoWhenTheSeedIsStoredWithoutItsHeadline() {
        ParsedArticle seed = PlainTextArticle.read(AnswerRig.SEED);
        String body = seed.body().replace(AnswerRig.SEED_TITLE, "");
        ParsedArticle headless =
                new ParsedArticle("", body, "https://example.org/seed-without-headline", "seed-copy", null, "ar");
        assertThat(body).doesNotContain("للمرة الثانية خلال أسبوع");
        String seedId = rig.archive.listArticles(0, 1000).stream()
                .filter(a -> AnswerRig.SEED_TITLE.equals(a.title()))
                .findFirst()
                .orElseThrow()
                .id();
        rig.archive.delete(seedId);
        try {
            assertThat(rig.ingestor.ingest(headless)).isEqualTo(IngestOutcome.ADDED);
            for (String question : new String[] {AnswerRig.SEED_QUESTION, "Why did Putin call Netanyahu twice?"}) {
                Answer answer = rig.translatingService().ask(question);
                assertSecondCallAfterThe28July(answer);
                assertThat(answer.citations().get(0).url()).isEqualTo("https://example.org/seed-without-headline");
            }
        } finally {
            rig.archive.listArticles(0, 1000).stream()
                    .filter(a -> "".equals(a.title()) || a.title() == null)
                    .forEach(a -> rig.archive.delete(a.id()));
            rig.ingestor.ingest(seed);
        }
    }

    @Test
    void whatHappenedYesterdayQuotesNoIsnadChainOfAnOpinionColumn() {
        Answer answer = rig.service(folder.resolve("yesterday")).ask("ماذا حدث أمس؟");

        assertThat(answer.answer()).doesNotContain("حدثني").doesNotContain("حدثنا");
        assertThat(answer.found())
                .as("a question with no topic of its own, over an archive without dates to filter by")
                .isFalse();
    }

    @Test
    void aWorldCupOf2022IsNotInAnArchiveOf2015() {
        AnswerService service = rig.service(new InMemoryChatMemoryStore());

        assertThat(service.ask("من فاز بكأس العالم 2022؟").found()).isFalse();
        assertThat(service.ask("Who won the 2022 World Cup?").found()).isFalse();
    }

    private static void assertSecondCallAfterThe28July(Answer answer) {
        assertThat(answer.found()).as(answer.answer()).isTrue();
        assertThat(answer.mode()).isEqualTo(Answer.EXTRACTIVE);
        assertThat(answer.answer())
                .as("the second call within a week, after the 28 July call on Syria")
                .contains("الاتصال الثاني بين بوتين ونتنياهو خلال أسبوع واحد")
                .contains("28 يوليو")
                .contains("سوريا");
    }

    private static String readSeed() {
        try {
            return Files.readString(AnswerRig.SEED);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
