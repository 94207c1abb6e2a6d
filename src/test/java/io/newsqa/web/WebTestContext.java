package io.newsqa.web;

import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.FileIngest;
import io.newsqa.ingest.feed.FeedServer;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running server shared by the API and browser tests (Spring caches the context because the
 * configuration is this class's): embedded archive in a temporary folder, an admin key, one
 * allowed origin, no rate limit (the limit has its own server in {@link RestrictedWebApiTest}), no
 * scheduled feed polling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Tests turn metrics export off by default; /actuator/prometheus is part of what is tested.
@AutoConfigureMetrics
abstract class WebTestContext {

    static final String ADMIN_KEY = "test-admin-key-5f1c";
    static final String ALLOWED_ORIGIN = "https://news.example";

    @LocalServerPort
    int port;

    @Autowired
    ArticleIngestor ingestor;

    @Autowired
    FileIngest fileIngest;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("newsqa-web-test").toString();
        registry.add("newsqa.data-dir", () -> dataDir);
        registry.add("newsqa.db.url", () -> "");
        registry.add("newsqa.admin.api-key", () -> ADMIN_KEY);
        registry.add("newsqa.web.allowed-origins", () -> ALLOWED_ORIGIN);
        registry.add("newsqa.web.rate-limit.requests", () -> "0");
        registry.add("newsqa.web.search-rate-limit.requests", () -> "0");
        // Feeds are polled only when a test asks (FeedsApiTest), never behind its back.
        registry.add("newsqa.feeds.enabled", () -> "false");
        // The feed servers of the tests listen on loopback, which is refused by default.
        registry.add("newsqa.fetch.allowed-hosts", () -> FeedServer.ALLOWED_HOSTS);
    }

    @BeforeEach
    void archiveHoldsTheTestArticles() {
        WebTestArchive.load(ingestor, fileIngest);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
