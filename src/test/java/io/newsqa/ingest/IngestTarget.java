package io.newsqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.archive.ArticleSummary;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.cli.NewsQa;
import io.newsqa.embedding.BuiltInModel;
import io.newsqa.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * An archive that {@code newsqa ingest} runs in child processes write to (a PostgreSQL schema or
 * an embedded folder), and what ended up in it: for the tests that kill, stop or race ingests.
 */
abstract class IngestTarget {

    /** all-MiniLM-L6-v2, as the product uses it. */
    private static final int DIMENSION = 384;

    final String name;
    final Path logs;

    private IngestTarget(String name, Path logs) {
        this.name = name;
        this.logs = logs;
    }

    static IngestTarget postgres(String schema, Path logs) {
        return new Postgres(schema, logs);
    }

    static IngestTarget embedded(Path folder, Path logs) {
        return new Embedded(folder, logs);
    }

    /** Starts {@code newsqa ingest --no-progress dump} in a child JVM writing here; its output goes to {@code <name>-<run>.out}. */
    Process ingest(Path dump, String run) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                NewsQa.class.getName(),
                "ingest",
                "--no-progress",
                dump.toString());
        builder.environment().remove("NEWSQA_DB_URL");
        builder.environment().put("NEWSQA_INGEST_BATCH_CHUNKS", "16");
        // Small store groups (one commit each) so that a kill or stop lands between commits.
        builder.environment().put("NEWSQA_INGEST_STORE_BATCH_ARTICLES", "10");
        configure(builder.environment());
        builder.redirectErrorStream(true).redirectOutput(output(run).toFile());
        return builder.start();
    }

    Path output(String run) {
        return logs.resolve(name + "-" + run + ".out");
    }

    String outputOf(String run) {
        try {
            return Files.readString(output(run));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits, at most 3 minutes, until a running child has stored at least {@code articles}. */
    long awaitStored(long articles, Process child, String run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive())
                    .as("ingest ended before it could be interrupted: " + outputOf(run))
                    .isTrue();
            long stored = storedSoFar();
            if (stored >= articles) {
                return stored;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child ingest stored fewer than " + articles + " articles in 3 minutes");
    }

    abstract void configure(Map<String, String> environment);

    /** Articles stored, readable while a child is writing; 0 before anything is. */
    abstract long storedSoFar();

    /** Ids of the stored articles, sorted (no child may be running). */
    abstract List<String> articleIds();

    /** Every stored chunk as article#ordinal plus its text's fingerprint, sorted (no child may be running). */
    abstract List<String> chunks();

    abstract void remove();

    private static final class Postgres extends IngestTarget {

        Postgres(String schema, Path logs) {
            super(schema, logs);
        }

        @Override
        void configure(Map<String, String> environment) {
            environment.put("NEWSQA_DB_URL", TestDatabase.URL);
            environment.put("NEWSQA_DB_USER", TestDatabase.USER);
            environment.put("NEWSQA_DB_PASSWORD", TestDatabase.PASSWORD);
            environment.put("NEWSQA_DB_SCHEMA", name);
        }

        @Override
        long storedSoFar() {
            try {
                return Long.parseLong(rows("SELECT count(*) FROM articles").get(0));
            } catch (IllegalStateException notYet) {
                return 0; // schema not migrated yet
            }
        }

        @Override
        List<String> articleIds() {
            return rows("SELECT id FROM articles ORDER BY id");
        }

        @Override
        List<String> chunks() {
            return rows("SELECT article_id || '#' || ordinal || ':' || md5(text) FROM chunks ORDER BY 1");
        }

        @Override
        void remove() {
            TestDatabase.dropSchema(name);
        }

        private List<String> rows(String sql) {
            try (Connection connection = TestDatabase.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("SET search_path TO \"" + name + "\"");
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery(sql)) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(sql + " in " + name + ": " + e.getMessage(), e);
            }
        }
    }

    private static final class Embedded extends IngestTarget {

        private final Path folder;

        Embedded(Path folder, Path logs) {
            super(folder.getFileName().toString(), logs);
            this.folder = folder;
        }

        @Override
        void configure(Map<String, String> environment) {
            environment.put("NEWSQA_DATA_DIR", folder.toString());
        }

        /** A Lucene reader may open the last commit while another process writes the index. */
        @Override
        long storedSoFar() {
            try (FSDirectory directory = FSDirectory.open(folder)) {
                if (!DirectoryReader.indexExists(directory)) {
                    return 0;
                }
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    // The archive's own marking of article documents (LuceneArchive keeps it package-private).
                    return new IndexSearcher(reader).count(new TermQuery(new Term("type", "article")));
                }
            } catch (IOException e) {
                return 0; // a commit being written: try again
            }
        }

        @Override
        List<String> articleIds() {
            try (LuceneArchive archive = open()) {
                return archive.listArticles(0, Integer.MAX_VALUE - 1).stream()
                        .map(ArticleSummary::id)
                        .sorted()
                        .toList();
            }
        }

        /** The embedded archive lists no chunks: its count, which a doubled article would raise. */
        @Override
        List<String> chunks() {
            try (LuceneArchive archive = open()) {
                return List.of("chunks: " + archive.stats().chunks());
            }
        }

        @Override
        void remove() {
            // In the test's temporary folder.
        }

        private LuceneArchive open() {
            return LuceneArchive.open(folder, BuiltInModel.DEFAULT.id(), DIMENSION);
        }
    }
}
