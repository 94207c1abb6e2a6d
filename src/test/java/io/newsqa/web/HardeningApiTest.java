package io.newsqa.web;

import static io.newsqa.web.Http.json;
import static io.newsqa.web.WebApiTest.assertProblem;
import static io.newsqa.web.WebApiTest.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsqa.ingest.article.ArticleLength;
import io.newsqa.ingest.feed.FeedServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The low-severity findings of the probe, each against the running server: metrics behind the
 * key, security headers, credentials in feed addresses, script links, the documented limits
 * (a 2,000-character Arabic search, UTF-8 JSON only, nesting 32, 64 KB bodies of any type), and
 * the longest article.
 */
class HardeningApiTest extends WebTestContext {

    private HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return Http.send(request);
    }

    private long storedArticles() {
        return json(Http.get(url("/api/admin/archive"), "X-Api-Key", ADMIN_KEY))
                .get("articles")
                .asLong();
    }

    @Test
    void metricsNeedTheAdminKeyAndHealthDoesNot() {
        HttpResponse<String> anonymous = Http.get(url("/actuator/prometheus"));
        assertProblem(anonymous, 401, "X-Api-Key");
        assertThat(anonymous.body()).doesNotContain("jvm_", "disk_free");
        assertProblem(Http.get(url("/actuator/prometheus"), "X-Api-Key", "wrong"), 403, "");

        assertThat(Http.get(url("/actuator/prometheus"), "X-Api-Key", ADMIN_KEY).body())
                .contains("jvm_memory_used_bytes");
        assertThat(Http.get(url("/actuator/health")).statusCode()).isEqualTo(200);
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndOnlyTheAdminPageRefusesEveryFrame() {
        HttpResponse<String> admin = Http.get(url("/admin.html"));
        assertThat(admin.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        policy -> assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(admin.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        HttpResponse<String> demo = Http.get(url("/"));
        assertThat(demo.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        policy -> assertThat(policy).contains("default-src 'self'", "frame-ancestors 'self'"));

        // The widget is a script other sites load: sniffing off, but no frame or resource policy on it.
        HttpResponse<String> widget = Http.get(url("/widget/newsqa-widget.js"));
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(widget.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(widget.headers().firstValue("Cross-Origin-Resource-Policy")).isEmpty();
        assertThat(Http.get(url("/api/search?q=tram")).headers().firstValue("X-Content-Type-Options"))
                .hasValue("nosniff");
    }

    @Test
    void credentialsInAFeedAddressAreMaskedInTheAdminList() {
        try (FeedServer feeds = new FeedServer()) {
            String slug = UUID.randomUUID().toString().substring(0, 8);
            feeds.publish("/secret-" + slug, List.of(FeedServer.item(slug + "-1")));
            String address = feeds.url("/secret-" + slug).replace("http://", "http://editor:hunter2@")
                    + "?api_key=s3cr3t&page=1";

            HttpResponse<String> created =
                    Http.postJson(url("/api/admin/feeds"), "{\"url\": \"" + address + "\"}", "X-Api-Key", ADMIN_KEY);

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(json(created).get("url").asText())
                    .startsWith("http://***@127.0.0.1:")
                    .endsWith("?api_key=***&page=1");
            long id = json(created).get("id").asLong();
            JsonNode polled = json(Http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/feeds/" + id + "/poll")))
                    .header("X-Api-Key", ADMIN_KEY)
                    .POST(HttpRequest.BodyPublishers.noBody())));
            String list =
                    Http.get(url("/api/admin/feeds"), "X-Api-Key", ADMIN_KEY).body();
            assertThat(list + polled).doesNotContain("hunter2", "s3cr3t");
        }
    }

    @Test
    void scriptAndDataLinksAreRefusedOnTheJsonPathAsOnTheTextPath() {
        long before = storedArticles();
        String body =
                "[{\"title\": \"Tram A\", \"body\": \"The tram line opens in May.\", \"url\": \"javascript:alert(1)\"},"
                        + " {\"title\": \"Tram B\", \"body\": \"The tram line opens in June.\", \"url\": \"data:text/html,<b>x</b>\"}]";

        HttpResponse<String> response = Http.postJson(url("/api/articles"), body, "X-Api-Key", ADMIN_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("rejected")).hasSize(2);
        assertThat(response.body()).contains("is not an http(s) address");
        assertThat(storedArticles()).isEqualTo(before);
    }

    @Test
    void anArabicSearchOfTheDocumentedLengthIsAnsweredAndALongerOneIsAProblem() {
        String letters = "مترو الرياض ".repeat(200);

        assertThat(Http.get(url("/api/search?q=" + encode(letters.substring(0, 2000))))
                        .statusCode())
                .isEqualTo(200);
        assertProblem(Http.get(url("/api/search?q=" + encode(letters.substring(0, 2001)))), 400, "the limit is 2000");
    }

    @Test
    void jsonThatIsNotUtf8IsRefusedAndNothingIsStored() {
        long before = storedArticles();
        String article = "{\"title\": \"مترو\", \"body\": \"افتتح مترو الرياض اليوم.\"}";

        assertProblem(
                post(
                        "/api/articles",
                        "application/json",
                        article.getBytes(StandardCharsets.UTF_16LE),
                        "X-Api-Key",
                        ADMIN_KEY),
                400,
                "not UTF-8");
        assertProblem(
                post("/api/ask", "application/json", "{\"question\": \"tram?\"}".getBytes(StandardCharsets.UTF_16)),
                400,
                "not UTF-8");
        assertProblem(
                post(
                        "/api/ask",
                        "application/json; charset=UTF-16",
                        "{\"question\": \"tram?\"}".getBytes(Charset.forName("UTF-16"))),
                415,
                "UTF-8 only");
        assertThat(storedArticles()).isEqualTo(before);
    }

    @Test
    void articlesNestedOver32LevelsAreRefused() {
        String nested = "[".repeat(40) + "]".repeat(40);

        HttpResponse<String> response = Http.postJson(
                url("/api/articles"),
                "{\"title\": \"Tram\", \"body\": \"Tram text.\"," + " \"extra\": " + nested + "}",
                "X-Api-Key",
                ADMIN_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("nesting depth").contains("32");
    }

    @Test
    void aMultipartBodyOver64KbIsRefusedWith413() {
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\n" + "x".repeat(100_000)
                        + "\r\n--b--\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        assertProblem(post("/api/ask", "multipart/form-data; boundary=b", body), 413, "64 KB limit");
        assertProblem(
                post("/api/admin/feeds/1/poll", "multipart/form-data; boundary=b", body, "X-Api-Key", ADMIN_KEY),
                413,
                "64 KB limit");
    }

    @Test
    void anArticleOverTheLengthLimitIsRefusedWithTheLimitNamed() {
        long before = storedArticles();
        String text = "The tram line. ".repeat(ArticleLength.MAX_CHARACTERS / 15 + 10);

        HttpResponse<String> batch = Http.postJson(
                url("/api/articles"), "{\"title\": \"Long tram\", \"body\": \"" + text + "\"}", "X-Api-Key", ADMIN_KEY);
        HttpResponse<String> file = post(
                "/api/admin/articles",
                "text/plain; charset=utf-8",
                ("Long tram\n\n" + text).getBytes(StandardCharsets.UTF_8),
                "X-Api-Key",
                ADMIN_KEY);

        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(batch.body()).contains("at most 200,000 are taken in");
        assertProblem(file, 400, "at most 200,000 are taken in");
        assertThat(storedArticles()).isEqualTo(before);
    }
}
