package io.newsqa.web;

import static io.newsqa.web.Http.postJson;
import static io.newsqa.web.WebApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A server with the defaults a careless deployment has: no admin key (administration off), no
 * allowed origins (same origin only), and a small rate limit on questions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestrictedWebApiTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("newsqa-restricted-test").toString();
        registry.add("newsqa.data-dir", () -> dataDir);
        registry.add("newsqa.db.url", () -> "");
        registry.add("newsqa.admin.api-key", () -> "");
        registry.add("newsqa.web.rate-limit.requests", () -> "3");
        registry.add("newsqa.web.rate-limit.window", () -> "10m");
        registry.add("newsqa.web.search-rate-limit.requests", () -> "4");
        registry.add("newsqa.web.search-rate-limit.window", () -> "10m");
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void withoutAConfiguredKeyAdministrationIsOffAndSaysHowToTurnItOn() {
        for (String key : new String[] {null, "", "anything"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/admin/archive")))
                    .GET();
            if (key != null) {
                request.header("X-Api-Key", key);
            }
            assertProblem(Http.send(request), 403, "NEWSQA_ADMIN_API_KEY");
        }
    }

    @Test
    void questionsOverTheLimitGet429WithRetryAfterAndSearchesHaveTheirOwnLimit() {
        Map<String, String> question = Map.of("question", "When does the tram line open?");
        // A streamed answer is one question, though the server dispatches its request more than once.
        for (int i = 0; i < 2; i++) {
            assertThat(postJson(url("/api/ask/stream"), question).statusCode())
                    .as("the stream shares the limit")
                    .isEqualTo(200);
        }
        assertThat(postJson(url("/api/ask"), question).statusCode()).isEqualTo(200);

        for (String path : new String[] {"/api/ask", "/api/ask/stream"}) {
            HttpResponse<String> limited = postJson(url(path), question);
            assertProblem(limited, 429, "At most 3 questions per 10 min");
            long retryAfter =
                    Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 600L);
        }
        // Searches count apart from questions: the questions used up are no search.
        for (int i = 0; i < 4; i++) {
            assertThat(Http.get(url("/api/search?q=tram")).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = Http.get(url("/api/search?q=tram"));
        assertProblem(limited, 429, "At most 4 searches per 10 min");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void withoutAllowedOriginsNoOtherSiteMayCallTheApi() {
        HttpResponse<String> preflight = Http.send(HttpRequest.newBuilder(URI.create(url("/api/ask/stream")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://news.example")
                .header("Access-Control-Request-Method", "POST"));

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }
}
