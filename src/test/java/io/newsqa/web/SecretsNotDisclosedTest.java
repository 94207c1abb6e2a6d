package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.support.FakeProviderServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server started with every secret set (admin key, database password, Telegram token,
 * provider API key), its failure paths exercised (a model that drops mid-answer, a Telegram API
 * that cannot be reached, a wrong admin key): no secret appears in the log, the start-up banner,
 * a response or an actuator endpoint. And without a configured proxy, X-Forwarded-For is not
 * believed: a client cannot escape the rate limit by inventing addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsNotDisclosedTest {

    static final String ADMIN_KEY = "admin-SECRET-7f3a9c21";
    static final String DB_PASSWORD = "db-SECRET-55c1e0aa";
    static final String TELEGRAM_SECRET = "tg-SECRET-AAbbCCdd9b8e7d";
    static final String TELEGRAM_TOKEN = "123456789:" + TELEGRAM_SECRET;
    static final String LLM_KEY = "sk-SECRET-llm-42424242";
    static final List<String> SECRETS = List.of(ADMIN_KEY, DB_PASSWORD, TELEGRAM_SECRET, LLM_KEY);
    static final int RATE_LIMIT = 3;

    static final FakeProviderServer MODEL = FakeProviderServer.start();

    /** A port nothing listens on: the Telegram API "cannot be reached". */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @DynamicPropertySource
    static void secrets(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("newsqa-secrets-test").toString();
        int telegramPort = closedPort();
        registry.add("newsqa.data-dir", () -> dataDir);
        registry.add("newsqa.db.url", () -> "");
        registry.add("newsqa.db.password", () -> DB_PASSWORD);
        registry.add("newsqa.admin.api-key", () -> ADMIN_KEY);
        registry.add("newsqa.telegram.token", () -> TELEGRAM_TOKEN);
        registry.add("newsqa.telegram.base-url", () -> "http://127.0.0.1:" + telegramPort);
        registry.add("newsqa.telegram.retry.initial-backoff", () -> "100ms");
        registry.add("newsqa.llm.provider", () -> "openai");
        registry.add("newsqa.llm.base-url", MODEL::openAiBaseUrl);
        registry.add("newsqa.llm.model", () -> "test-model");
        registry.add("newsqa.llm.api-key", () -> LLM_KEY);
        registry.add("newsqa.llm.max-retries", () -> "0");
        registry.add("newsqa.web.rate-limit.requests", () -> String.valueOf(RATE_LIMIT));
        registry.add("newsqa.web.rate-limit.window", () -> "10m");
        // Everything this application logs, at its most talkative.
        registry.add("logging.level.io.newsqa", () -> "DEBUG");
    }

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    @Order(1)
    void noSecretIsLoggedPrintedOrServed(CapturedOutput output) throws Exception {
        HttpResponse<String> added =
                Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/admin/articles")))
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .header("X-Api-Key", ADMIN_KEY)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "Tram line opens in June\n\nThe new tram line of"
                                        + " Port Avalon opens in June, the council said on Monday.")));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        MODEL.reply(
                FakeProviderServer.Reply.of().tokens("The tram", " line opens").cut());
        HttpResponse<String> ask = Http.postJson(url("/api/ask"), Map.of("question", "When does the tram line open?"));
        HttpResponse<String> wrongKey = Http.get(url("/api/admin/archive"), "X-Api-Key", ADMIN_KEY + "x");
        List<HttpResponse<String>> served = List.of(
                added,
                ask,
                wrongKey,
                Http.get(url("/actuator/health")),
                Http.get(url("/actuator")),
                Http.get(url("/v3/api-docs")),
                Http.get(url("/api/admin/eval"), "X-Api-Key", ADMIN_KEY));
        awaitLog(output, "Could not reach the Telegram Bot API");

        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(Http.json(ask).path("mode").asText())
                .as("the failing model was called")
                .isEqualTo("extractive-fallback");
        assertThat(wrongKey.statusCode()).isEqualTo(403);
        assertThat(output.getAll())
                .as("the start-up banner is in the captured output")
                .contains("NewsQA is serving at");
        for (String secret : SECRETS) {
            assertThat(output.getAll()).as("the log").doesNotContain(secret);
            for (HttpResponse<String> response : served) {
                assertThat(response.body()).as(response.uri().toString()).doesNotContain(secret);
            }
        }
        // The configuration endpoints are not exposed at all.
        for (String endpoint :
                List.of("/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/heapdump")) {
            assertThat(Http.get(url(endpoint)).statusCode()).as(endpoint).isEqualTo(404);
        }
    }

    @Test
    @Order(2)
    void anInventedXForwardedForDoesNotEscapeTheRateLimit() {
        // Each question claims another client address; without a configured proxy the connection's
        // address counts, so the limit is reached all the same.
        HttpResponse<String> limited = null;
        for (int i = 1; i <= RATE_LIMIT + 1 && limited == null; i++) {
            HttpResponse<String> response = Http.postJson(
                    url("/api/ask"),
                    Map.of("question", "When does the tram line open?"),
                    "X-Forwarded-For",
                    "203.0.113." + i);
            if (response.statusCode() == 429) {
                limited = response;
            }
        }
        assertThat(limited).as("429 within " + (RATE_LIMIT + 1) + " questions").isNotNull();
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    private static void awaitLog(CapturedOutput output, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!output.getAll().contains(text) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(output.getAll()).contains(text);
    }
}
