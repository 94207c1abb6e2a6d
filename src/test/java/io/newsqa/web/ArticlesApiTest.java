package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.archive.ArchiveIndex;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticlesApiTest {

    private static final String KEY = "s3cret-admin-key";
    private static final String TRAM =
            "The fictional city council of Port Avalon approved the new tram line on Monday after a long debate. "
                    + "The line will link the harbour with the university and carry twelve thousand passengers a day.";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("newsqa-articles-api-test");
        registry.add("newsqa.data-dir", dataDir::toString);
        registry.add("newsqa.db.url", () -> "");
        registry.add("newsqa.admin.api-key", () -> KEY);
    }

    @LocalServerPort
    int port;

    @Autowired
    ArchiveIndex archive;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/articles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutOrWithAWrongKeyNothingIsStored() throws Exception {
        long before = archive.stats().articles();
        String article = "{\"title\": \"Tram\", \"body\": \"" + TRAM + "\"}";

        HttpResponse<String> missing = post(null, article);
        HttpResponse<String> wrong = post("s3cret-admin-kez", article);

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("X-Api-Key");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("does not hold this server's admin API key");
        assertThat(archive.stats().articles()).isEqualTo(before);
    }

    @Test
    void oneArticleOrABatchIsStoredAndEachItemIsAccountedFor() throws Exception {
        HttpResponse<String> one = post(
                KEY,
                "{\"title\": \"Tram line approved\", \"body\": \"" + TRAM + "\", "
                        + "\"url\": \"https://avalon.example/api-tram\", \"published\": \"2025-05-01T09:00:00+02:00\"}");
        HttpResponse<String> batch = post(
                KEY,
                "[{\"title\": \"Tram line approved\", \"body\": \"" + TRAM + "\", "
                        + "\"url\": \"https://avalon.example/api-tram\", \"published\": \"2025-05-01T09:00:00+02:00\"},"
                        + "{\"title\": \"No text\"}, {\"title\": \"Bad date\", \"body\": \"Some text here.\", \"published\": \"yesterday\"}]");
        HttpResponse<String> malformed = post(KEY, "[{\"title\": ");

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"added\":1");
        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(batch.body())
                .contains("\"unchanged\":1", "request item 2", "no body", "request item 3", "not a date");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("malformed JSON");
    }
}
