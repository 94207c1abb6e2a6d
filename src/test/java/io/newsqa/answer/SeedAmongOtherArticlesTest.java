package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.ParsedArticle;
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

/**
 * The seed question still finds the seed article when 50 other Arabic news articles (SaudiNewsNet,
 * 21 July 2015, test data read from ../shared) are in the archive.
 */
class SeedAmongOtherArticlesTest {

    private static final Path BENCH = Path.of("..", "shared", "bench", "saudinewsnet", "2015-07-21.zip");
    private static final DateTimeFormatter EXTRACTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    static Path folder;
    static AnswerRig rig;

    @BeforeAll
    static void archiveWithFiftyOtherArticles() throws Exception {
        rig = new AnswerRig(folder);
        int added = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(BENCH))) {
            ZipEntry entry = zip.getNextEntry();
            assertThat(entry).isNotNull();
            JsonNode articles = new ObjectMapper().readTree((InputStream) zip);
            for (JsonNode article : articles) {
                if (added == 50) {
                    break;
                }
                String body = article.path("content").asText("").strip();
                String title = article.path("title").asText("").strip();
                if (body.length() < 200 || title.isEmpty()) {
                    continue;
                }
                ParsedArticle parsed = new ParsedArticle(title, body, article.path("url").asText(null),
                        article.path("source").asText(null),
                        LocalDateTime.parse(article.get("date_extracted").asText(), EXTRACTED).atOffset(ZoneOffset.ofHours(3)), "ar");
                if (rig.ingestor.ingest(parsed) == IngestOutcome.ADDED) {
                    added++;
                }
            }
        }
        assertThat(added).isEqualTo(50);
    }

    @AfterAll
    static void close() {
        rig.close();
    }

    @Test
    void theArabicSeedQuestionIsAnsweredFromTheSeedAndCitesIt() throws Exception {
        Answer answer = rig.service(folder.resolve("one-off")).ask(AnswerRig.SEED_QUESTION);

        assertThat(answer.found()).isTrue();
        assertThat(answer.mode()).isEqualTo(Answer.EXTRACTIVE);
        assertThat(answer.citations()).isNotEmpty();
        assertThat(answer.citations().get(0).title()).isEqualTo(AnswerRig.SEED_TITLE);
        String seedText = Files.readString(AnswerRig.SEED);
        for (String quoted : answer.answer().split(" \\[\\d+] ?")) {
            assertThat(seedText).as("every quoted sentence comes from a cited article").contains(quoted.strip());
            assertThat(quoted.strip()).as("a statement, not the seed's sub-heading").doesNotStartWith("ما دلالات");
        }
    }
}
