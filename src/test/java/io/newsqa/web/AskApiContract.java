package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsqa.ingest.FileIngest;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.SampleArchive;
import io.newsqa.support.QuotedSentences;
import io.newsqa.support.Seed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /api/ask} over real HTTP, on an archive holding the seed and the sample articles.
 * Runs once per archive implementation (see the subclasses).
 */
abstract class AskApiContract {

    static final String SEED_TITLE = "للمرة الثانية خلال أسبوع.. بوتين يجري إتصالا هاتفيا مع نتنياهو";

    @LocalServerPort
    int port;

    @Autowired
    FileIngest fileIngest;

    @Autowired
    SampleArchive sampleArchive;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void archiveHoldsTheSeedAndTheSamples() {
        sampleArchive.loadIfEmpty();
        IngestReport report = fileIngest.ingest(List.of(Seed.file()));
        assertThat(report.rejections()).isEmpty();
    }

    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ask(String question) throws IOException, InterruptedException {
        HttpResponse<String> response = post(json.writeValueAsString(java.util.Map.of("question", question)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void theSeedQuestionIsAnsweredFromTheSeedArticleAndCitesIt() throws Exception {
        JsonNode answer = ask("لماذا اتصل بوتين بنتنياهو مرتين؟");

        assertThat(answer.get("found").asBoolean()).isTrue();
        assertThat(answer.get("language").asText()).isEqualTo("ar");
        String seedText = Files.readString(Seed.file());
        String text = answer.get("answer").asText();
        assertThat(text).contains("[1]");
        for (String quoted : text.split(" \\[\\d+\\] ?")) {
            assertThat(seedText).as("every quoted sentence comes from the seed").contains(quoted.strip());
        }
        JsonNode citation = answer.get("citations").get(0);
        assertThat(citation.get("n").asInt()).isEqualTo(1);
        assertThat(citation.get("title").asText()).isEqualTo(SEED_TITLE);
        assertThat(answer.get("citations")).hasSize(1);
    }

    @Test
    void theSeedQuestionInEnglishQuotesTheArabicSeedThroughTheDictionaries() throws Exception {
        // Needs the FreeDict English-Arabic dictionaries, installed by scripts/test.sh.
        JsonNode answer = ask("Why did Putin call Netanyahu twice?");

        assertThat(answer.get("found").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.get("language").asText()).isEqualTo("en");
        assertThat(answer.get("citations").get(0).get("title").asText()).isEqualTo(SEED_TITLE);
        String seedText = Files.readString(Seed.file());
        String text = answer.get("answer").asText();
        assertThat(text).as("the Arabic quote is framed for an English reader").startsWith("An Arabic report");
        assertThat(QuotedSentences.of(text))
                .isNotEmpty()
                .allSatisfy(sentence -> assertThat(seedText)
                        .as("every quoted sentence comes from the seed")
                        .contains(sentence));
        assertThat(text).as("the quote's date in English").contains("28 July");
    }

    @Test
    void aQuestionTheArchiveCannotAnswerGetsAnHonestNo() throws Exception {
        JsonNode answer = ask("Who won the 1974 chess olympiad in Nice?");

        assertThat(answer.get("found").asBoolean()).isFalse();
        assertThat(answer.get("answer").asText()).isEqualTo("The archive does not say.");
        assertThat(answer.get("citations")).isEmpty();
    }

    @Test
    void anEmptyQuestionIsABadRequestWithAProblemBody() throws Exception {
        for (String body : List.of("{\"question\": \"\"}", "{\"question\": \"   \"}", "{}")) {
            HttpResponse<String> response = post(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("detail").asText()).contains("empty");
        }
    }

    @Test
    void anOverlongQuestionIsABadRequestThatSaysTheLimit() throws Exception {
        HttpResponse<String> response = post(json.writeValueAsString(java.util.Map.of("question", "س".repeat(2001))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("2000");
    }

    @Test
    void malformedJsonIsABadRequestWithAProblemBody() throws Exception {
        HttpResponse<String> response = post("{\"question\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(400);
    }
}
