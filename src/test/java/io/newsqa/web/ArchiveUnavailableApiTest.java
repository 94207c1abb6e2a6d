package io.newsqa.web;

import static io.newsqa.web.Http.get;
import static io.newsqa.web.Http.postJson;
import static io.newsqa.web.WebApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.ingest.SampleArchive;
import io.newsqa.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The PostgreSQL archive failing under a running server: 503 with Retry-After for every kind of
 * request (conversations too: they are stored next to the archive), readiness down, and everything back once the database is. The failure is made by
 * renaming the archive's schema away (other tests share the database server, so it cannot be
 * stopped); the driver's error reaches the API by the same path as a lost connection's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArchiveUnavailableApiTest {

    private static final String SCHEMA = TestDatabase.freshSchemaName("webdown");
    private static final String ADMIN_KEY = "down-test-key";

    @LocalServerPort
    int port;

    @Autowired
    SampleArchive sampleArchive;

    @DynamicPropertySource
    static void postgresArchive(DynamicPropertyRegistry registry) throws SQLException {
        TestDatabase.connect().close();
        registry.add("newsqa.db.url", () -> TestDatabase.URL);
        registry.add("newsqa.db.user", () -> TestDatabase.USER);
        registry.add("newsqa.db.password", () -> TestDatabase.PASSWORD);
        registry.add("newsqa.db.schema", () -> SCHEMA);
        registry.add("newsqa.admin.api-key", () -> ADMIN_KEY);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(SCHEMA);
        TestDatabase.dropSchema(SCHEMA + "_away");
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = TestDatabase.connect();
                Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void whileTheDatabaseFailsEveryRequestGets503AndReadinessIsDown() throws SQLException {
        sampleArchive.loadIfEmpty();
        Map<String, String> question = Map.of("question", "متى يفتتح خط الترام؟");
        assertThat(postJson(url("/api/ask"), question).statusCode()).isEqualTo(200);

        sql("ALTER SCHEMA " + SCHEMA + " RENAME TO " + SCHEMA + "_away");
        try {
            for (HttpResponse<String> response : new HttpResponse[] {
                postJson(url("/api/ask"), question),
                postJson(url("/api/ask/stream"), question),
                get(url("/api/search?q=tram")),
                get(url("/api/admin/archive"), "X-Api-Key", ADMIN_KEY),
                Http.send(HttpRequest.newBuilder(URI.create(url("/api/conversations/reader-1")))
                        .DELETE())
            }) {
                assertProblem(response, 503, "cannot be reached");
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(response.body())
                        .as("no database internals leak out")
                        .doesNotContain(SCHEMA)
                        .doesNotContain("SQL");
            }
            assertThat(get(url("/actuator/health/readiness")).statusCode()).isEqualTo(503);
        } finally {
            sql("ALTER SCHEMA " + SCHEMA + "_away RENAME TO " + SCHEMA);
        }

        assertThat(postJson(url("/api/ask"), question).statusCode())
                .as("back once the database is")
                .isEqualTo(200);
        assertThat(get(url("/actuator/health/readiness")).statusCode()).isEqualTo(200);
    }
}
