package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Behind a reverse proxy ({@code server.forward-headers-strategy=native}; the proxy here is the
 * loopback address, which Tomcat trusts as an internal proxy) the rate limit counts each reader's
 * address from X-Forwarded-For, not the proxy's: one reader over the limit does not stop another.
 * {@link SecretsNotDisclosedTest} shows the header is ignored when no proxy is configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForwardedClientRateLimitTest {

    @DynamicPropertySource
    static void behindAProxy(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("newsqa-forwarded-test").toString();
        registry.add("newsqa.data-dir", () -> dataDir);
        registry.add("newsqa.db.url", () -> "");
        registry.add("newsqa.web.rate-limit.requests", () -> "2");
        registry.add("newsqa.web.rate-limit.window", () -> "10m");
        registry.add("server.forward-headers-strategy", () -> "native");
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> ask(String client) {
        return Http.postJson(
                "http://localhost:" + port + "/api/ask",
                Map.of("question", "When does the tram line open?"),
                "X-Forwarded-For",
                client);
    }

    @Test
    void eachForwardedReaderHasItsOwnLimit() {
        assertThat(ask("203.0.113.7").statusCode()).isEqualTo(200);
        assertThat(ask("203.0.113.7").statusCode()).isEqualTo(200);

        HttpResponse<String> limited = ask("203.0.113.7");
        HttpResponse<String> other = ask("198.51.100.9");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 600L);
        assertThat(other.statusCode())
                .as("another reader behind the same proxy")
                .isEqualTo(200);
    }
}
