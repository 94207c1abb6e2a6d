package io.newsqa.web;

import static io.newsqa.web.Http.postJson;
import static io.newsqa.web.WebApiTest.events;
import static io.newsqa.web.WebApiTest.question;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsqa.ingest.SampleArchive;
import io.newsqa.support.FakeProviderServer;
import io.newsqa.support.FakeProviderServer.Reply;
import io.newsqa.support.TestDatabase;
import io.newsqa.web.WebApiTest.Event;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /api/ask/stream} with a language model: the real LangChain4j OpenAI client against
 * {@link FakeProviderServer}, the archive and the conversations in PostgreSQL. Tokens arrive as
 * {@code delta} events while the model is still writing; a model that drops the connection
 * mid-answer gets a {@code discard} and the extractive fallback; a failure after the stream began
 * (the database lost before the conversation is stored) is an {@code error} event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamedAnswerApiTest {

    private static final String SCHEMA = TestDatabase.freshSchemaName("webstream");
    private static final String QUESTION = "When does the tram line open?";
    private static final List<String> TRAM_URLS =
            List.of("https://example.org/sample/en/tram-line-opens", "https://example.org/sample/ar/tram-line-opens");
    private static final FakeProviderServer MODEL = FakeProviderServer.start();

    @LocalServerPort
    int port;

    @Autowired
    SampleArchive sampleArchive;

    @DynamicPropertySource
    static void postgresArchiveAndAModel(DynamicPropertyRegistry registry) throws SQLException {
        TestDatabase.connect().close();
        registry.add("newsqa.db.url", () -> TestDatabase.URL);
        registry.add("newsqa.db.user", () -> TestDatabase.USER);
        registry.add("newsqa.db.password", () -> TestDatabase.PASSWORD);
        registry.add("newsqa.db.schema", () -> SCHEMA);
        registry.add("newsqa.llm.provider", () -> "openai");
        registry.add("newsqa.llm.base-url", MODEL::openAiBaseUrl);
        registry.add("newsqa.llm.model", () -> "test-model");
        registry.add("newsqa.llm.api-key", () -> "sk-test");
        registry.add("newsqa.llm.timeout", () -> "20s");
        registry.add("newsqa.llm.max-retries", () -> "0");
        registry.add("newsqa.web.rate-limit.requests", () -> "0");
    }

    @AfterAll
    static void stop() {
        MODEL.close();
        TestDatabase.dropSchema(SCHEMA);
        TestDatabase.dropSchema(SCHEMA + "_away");
    }

    @BeforeEach
    void archive() {
        sampleArchive.loadIfEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String text(List<Event> deltas) {
        assertThat(deltas).allSatisfy(event -> assertThat(event.name()).isEqualTo("delta"));
        return deltas.stream().map(event -> event.data().get("text").asText()).reduce("", String::concat);
    }

    @Test
    void theModelsTokensArriveAsDeltasThenTheAnswerWithItsCitation() {
        MODEL.reply(Reply.of().tokens("The first ", "tram line ", "opens on ", "3 June ", "2025 [", "1]."));

        List<Event> events =
                events(postJson(url("/api/ask/stream"), question(QUESTION)).body());

        Event last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("answer");
        JsonNode answer = last.data();
        assertThat(answer.get("mode").asText()).isEqualTo("llm");
        assertThat(answer.get("answer").asText()).isEqualTo("The first tram line opens on 3 June 2025 [1].");
        List<Event> deltas = events.subList(0, events.size() - 1);
        assertThat(deltas)
                .as("the tokens as they came, not the answer in one piece")
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(text(deltas).strip()).isEqualTo(answer.get("answer").asText());
        assertThat(answer.get("citations")).hasSize(1);
        assertThat(answer.get("citations").get(0).get("url").asText()).isIn(TRAM_URLS);
    }

    @Test
    void aModelThatDropsTheConnectionMidAnswerIsDiscardedAndTheExtractiveAnswerFollows() {
        // The pause lets the client hand the tokens on before the connection ends: an HTTP client may
        // report the broken body before tokens it has buffered, and then nothing was streamed to discard.
        MODEL.reply(Reply.of()
                .tokens("The tram ", "line opens ", "on 3 ")
                .pause(300)
                .cut());

        List<Event> events =
                events(postJson(url("/api/ask/stream"), question(QUESTION)).body());

        List<String> names = events.stream().map(Event::name).toList();
        assertThat(names).containsOnlyOnce("discard", "answer").doesNotContain("error");
        int discard = names.indexOf("discard");
        assertThat(discard).as("text was streamed before the model failed").isPositive();
        assertThat("The tram line opens on 3 ").startsWith(text(events.subList(0, discard)));
        Event last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("answer");
        JsonNode answer = last.data();
        assertThat(answer.get("mode").asText()).isEqualTo("extractive-fallback");
        assertThat(answer.get("fallback").asBoolean()).isTrue();
        assertThat(text(events.subList(discard + 1, events.size() - 1)))
                .as("the fallback streamed from scratch")
                .isEqualTo(answer.get("answer").asText());
        assertThat(answer.get("answer").asText()).contains("3 June 2025");
        assertThat(answer.get("citations").get(0).get("url").asText()).isIn(TRAM_URLS);
    }

    @Test
    void aFailureAfterTheStreamBeganIsAnErrorEvent() throws Exception {
        MODEL.reply(Reply.of().tokens("The first ", "tram line ").awaitProceed().tokens("opens on 3 June 2025 [1]."));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/ask/stream")))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(question(QUESTION))))
                .build();

        HttpResponse<Stream<String>> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        boolean databaseLost = false;
        try (Stream<String> body = response.body()) {
            Iterator<String> reading = body.iterator();
            while (reading.hasNext()) {
                String line = reading.next();
                lines.add(line);
                if (!databaseLost && line.startsWith("event:delta")) {
                    // The model is still writing: the stream has begun. The conversation is stored
                    // once the answer is complete, and now it cannot be.
                    sql("ALTER SCHEMA " + SCHEMA + " RENAME TO " + SCHEMA + "_away");
                    databaseLost = true;
                    MODEL.proceed();
                }
            }
        } finally {
            if (databaseLost) {
                sql("ALTER SCHEMA " + SCHEMA + "_away RENAME TO " + SCHEMA);
            }
        }

        List<Event> events = events(String.join("\n", lines));
        assertThat(events.get(0).name()).isEqualTo("delta");
        Event last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("error");
        assertThat(last.data().get("status").asInt()).isEqualTo(503);
        assertThat(last.data().get("detail").asText())
                .contains("cannot be reached")
                .doesNotContain(SCHEMA);
        assertThat(events).extracting(Event::name).doesNotContain("answer");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = TestDatabase.connect();
                Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
