package io.newsqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.newsqa.support.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest killed with SIGKILL part-way through real SaudiNewsNet articles, then run again,
 * ends with exactly the articles and chunks of an ingest that was never interrupted.
 */
class KilledIngestTest {

    private static final Path DAY = Path.of("..", "shared", "bench", "saudinewsnet", "2015-07-23.zip");
    private static final int ARTICLES = 150;

    @TempDir
    Path dir;
    private final List<String> schemas = new ArrayList<>();

    @AfterEach
    void dropSchemas() {
        schemas.forEach(TestDatabase::dropSchema);
    }

    @Test
    void anIngestKilledMidwayAndRunAgainStoresEveryArticleExactlyOnce() throws Exception {
        Path dump = shortArticlesOf(DAY, ARTICLES);
        String killed = schema("killed");
        String reference = schema("clean");

        Process first = ingestInChildProcess(killed, dump);
        long storedAtKill = waitUntilStored(killed, 30, first);
        first.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long storedAfterKill = count(killed, "articles");

        Process rerun = ingestInChildProcess(killed, dump);
        assertThat(rerun.waitFor(10, TimeUnit.MINUTES)).isTrue();
        Process clean = ingestInChildProcess(reference, dump);
        assertThat(clean.waitFor(10, TimeUnit.MINUTES)).isTrue();

        long total = count(reference, "articles");
        assertThat(storedAtKill).isPositive();
        assertThat(storedAfterKill).as("killed part-way").isLessThan(total);
        assertThat(ids(killed, "SELECT id FROM articles ORDER BY id")).isEqualTo(ids(reference, "SELECT id FROM articles ORDER BY id"));
        assertThat(ids(killed, "SELECT article_id || '#' || ordinal || ':' || md5(text) FROM chunks ORDER BY 1"))
                .isEqualTo(ids(reference, "SELECT article_id || '#' || ordinal || ':' || md5(text) FROM chunks ORDER BY 1"));
        assertThat(rerun.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve(killed + ".out"))).contains("unchanged " + storedAfterKill);
    }

    private String schema(String prefix) {
        String name = TestDatabase.freshSchemaName(prefix);
        schemas.add(name);
        return name;
    }

    /** The first articles of a SaudiNewsNet day that have a title and a short text, as a JSON dump. */
    private Path shortArticlesOf(Path zip, int count) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode picked = json.createArrayNode();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            assertThat(entry).isNotNull();
            for (JsonNode article : json.readTree((InputStream) in)) {
                if (picked.size() < count && !article.path("title").asText().isBlank()
                        && article.path("content").asText().length() > 200 && article.path("content").asText().length() < 1200) {
                    picked.add(article);
                }
            }
        }
        return Files.writeString(dir.resolve("short-articles.json"), json.writeValueAsString(picked));
    }

    private Process ingestInChildProcess(String schema, Path dump) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "io.newsqa.NewsQa", "ingest", "--no-progress", dump.toString());
        builder.environment().put("NEWSQA_DB_URL", TestDatabase.URL);
        builder.environment().put("NEWSQA_DB_USER", TestDatabase.USER);
        builder.environment().put("NEWSQA_DB_PASSWORD", TestDatabase.PASSWORD);
        builder.environment().put("NEWSQA_DB_SCHEMA", schema);
        builder.environment().put("NEWSQA_INGEST_BATCH_CHUNKS", "16");
        // Several groups of articles are committed before the kill, and the kill lands between them.
        builder.environment().put("NEWSQA_INGEST_STORE_BATCH_ARTICLES", "10");
        builder.redirectErrorStream(true).redirectOutput(dir.resolve(schema + ".out").toFile());
        return builder.start();
    }

    private long waitUntilStored(String schema, long articles, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as("ingest ended before it could be killed: " + Files.readString(dir.resolve(schema + ".out"))).isTrue();
            long stored = countIfCreated(schema);
            if (stored >= articles) {
                return stored;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child ingest stored fewer than " + articles + " articles in 3 minutes");
    }

    private static long countIfCreated(String schema) {
        try {
            return count(schema, "articles");
        } catch (IllegalStateException notYet) {
            return 0; // schema not migrated yet
        }
    }

    private static long count(String schema, String table) {
        List<String> rows = ids(schema, "SELECT count(*) FROM " + table);
        return Long.parseLong(rows.get(0));
    }

    private static List<String> ids(String schema, String sql) {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO \"" + schema + "\"");
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " in " + schema + ": " + e.getMessage(), e);
        }
    }
}
