package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.archive.ArchiveIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile requests against the running server: oversize bodies (declared or sent chunked),
 * deeply nested JSON, invalid UTF-8, the wrong content type. Each gets a 4xx RFC 9457 problem,
 * never a 500, and nothing is stored. Small limits so that "oversize" stays cheap to send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileRequestApiTest {

    private static final String KEY = "hostile-admin-key-93b1";
    private static final int MAX_REQUEST = 16 * 1024;
    private static final int MAX_ARTICLES = 256 * 1024;
    private static final String ARTICLE =
            "{\"title\": \"Tram line approved\", \"body\": \"The council of Port Avalon approved"
                    + " the tram line on Monday after a long debate.\"}";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("newsqa-hostile-test").toString();
        registry.add("newsqa.data-dir", () -> dataDir);
        registry.add("newsqa.db.url", () -> "");
        registry.add("newsqa.admin.api-key", () -> KEY);
        registry.add("newsqa.web.rate-limit.requests", () -> "0");
        registry.add("newsqa.web.request-limits.max-request-size", () -> MAX_REQUEST + "B");
        registry.add("newsqa.web.request-limits.max-article-request-size", () -> MAX_ARTICLES + "B");
    }

    @LocalServerPort
    int port;

    @Autowired
    ArchiveIndex archive;

    private HttpResponse<String> post(
            String path, String contentType, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .POST(body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return Http.send(request);
    }

    private static HttpRequest.BodyPublisher bytes(byte[] body) {
        return HttpRequest.BodyPublishers.ofByteArray(body);
    }

    /** A body without Content-Length: the HTTP client sends it chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String... detailContains) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Http.json(response).path("status").asInt()).isEqualTo(status);
        if (detailContains.length > 0) {
            assertThat(Http.json(response).path("detail").asText()).contains(detailContains);
        }
    }

    private static byte[] askWithQuestionOf(int characters) {
        return ("{\"question\": \"" + "س".repeat(characters / 2) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOversizeQuestionIsRefusedWith413DeclaredOrChunked() {
        byte[] body = askWithQuestionOf(MAX_REQUEST * 4);

        assertProblem(post("/api/ask", "application/json", bytes(body)), 413, "16 KB limit");
        assertProblem(post("/api/ask", "application/json", chunked(body)), 413, "16 KB limit");
        // just under the limit is read, and refused for what it says, not for its size
        assertProblem(post("/api/ask", "application/json", bytes(askWithQuestionOf(MAX_REQUEST - 100))), 400, "2000");
    }

    @Test
    void anOversizeArticleUploadStoresNothing() {
        long before = archive.stats().articles();
        StringBuilder batch = new StringBuilder("[").append(ARTICLE);
        for (int i = 0; batch.length() <= MAX_ARTICLES; i++) {
            batch.append(",{\"title\": \"Filler ")
                    .append(i)
                    .append("\", \"body\": \"")
                    .append("word ".repeat(200))
                    .append(i)
                    .append("\"}");
        }
        byte[] body = batch.append(']').toString().getBytes(StandardCharsets.UTF_8);

        assertProblem(post("/api/articles", "application/json", bytes(body), "X-Api-Key", KEY), 413, "256 KB limit");
        assertProblem(post("/api/articles", "application/json", chunked(body), "X-Api-Key", KEY), 413, "256 KB limit");
        assertThat(archive.stats().articles()).isEqualTo(before);
    }

    @Test
    void deeplyNestedJsonIsRefusedWith400() {
        String nested = "[".repeat(5_000) + "]".repeat(5_000);
        long before = archive.stats().articles();

        HttpResponse<String> ask = post(
                "/api/ask",
                "application/json",
                bytes(("{\"extra\": " + nested + ", \"question\": \"why?\"}").getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> articles = post(
                "/api/articles",
                "application/json",
                bytes(("[" + ARTICLE + ", {\"title\": \"x\", \"body\": " + nested + "}]")
                        .getBytes(StandardCharsets.UTF_8)),
                "X-Api-Key",
                KEY);

        assertProblem(ask, 400, "nesting depth");
        assertThat(articles.statusCode()).as(articles.body()).isIn(200, 400);
        assertThat(articles.body()).contains("nesting depth");
        if (articles.statusCode() == 200) {
            // the article before the bad item is stored whole, the bad item is rejected by name
            assertThat(Http.json(articles).path("added").asInt()).isEqualTo(1);
            assertThat(archive.stats().articles()).isEqualTo(before + 1);
        } else {
            assertThat(archive.stats().articles()).isEqualTo(before);
        }
    }

    @Test
    void invalidUtf8IsRefusedWith400AndStoresNothing() {
        long before = archive.stats().articles();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"title\": \"Bad bytes\", \"body\": \"caf".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        body.writeBytes(" ends here\"}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> articles =
                post("/api/articles", "application/json", bytes(body.toByteArray()), "X-Api-Key", KEY);
        HttpResponse<String> ask = post(
                "/api/ask",
                "application/json",
                bytes(("{\"question\": \"caf"
                                + new String(new byte[] {(byte) 0xC3, (byte) 0x28}, StandardCharsets.ISO_8859_1)
                                + "\"}")
                        .getBytes(StandardCharsets.ISO_8859_1)));

        assertProblem(articles, 400, "UTF-8");
        assertProblem(ask, 400, "UTF-8");
        assertThat(archive.stats().articles()).isEqualTo(before);
    }

    @Test
    void theWrongContentTypeIsRefusedWith415() {
        long before = archive.stats().articles();

        assertProblem(post("/api/ask", "text/plain", HttpRequest.BodyPublishers.ofString("why?")), 415);
        assertProblem(
                post("/api/articles", "application/xml", HttpRequest.BodyPublishers.ofString("<a/>"), "X-Api-Key", KEY),
                415);
        assertProblem(
                post("/api/admin/articles", "application/octet-stream", bytes(new byte[] {0, 1, 2}), "X-Api-Key", KEY),
                415);
        assertThat(archive.stats().articles()).isEqualTo(before);
    }

    @Test
    void binaryBytesAsAnArticleFileAreRefusedWith400() {
        long before = archive.stats().articles();

        HttpResponse<String> response = post(
                "/api/admin/articles",
                "text/plain",
                bytes(new byte[] {'T', 'i', 't', 'l', 'e', '\n', 0, 0, (byte) 0xFF, 'x'}),
                "X-Api-Key",
                KEY);

        assertProblem(response, 400, "binary");
        assertThat(archive.stats().articles()).isEqualTo(before);
    }
}
