package io.newsqa.eval;

import com.zaxxer.hikari.HikariDataSource;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveModel;
import io.newsqa.archive.backend.ArchiveBackends;
import io.newsqa.archive.backend.ArchiveLocation;
import io.newsqa.config.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, empty archive for one evaluation run, removed again on {@link #close()}: a temporary
 * folder for the embedded archive, a new schema (dropped afterwards) for PostgreSQL. Evaluation
 * never reads or writes the reader's own archive.
 */
final class EvalArchive implements AutoCloseable {

    private final String kind;
    private final ArchiveIndex archive;
    private final Runnable cleanup;

    private EvalArchive(String kind, ArchiveIndex archive, Runnable cleanup) {
        this.kind = kind;
        this.archive = archive;
        this.cleanup = cleanup;
    }

    static EvalArchive embedded(String modelId, int dimension) {
        try {
            Path folder = Files.createTempDirectory("newsqa-eval-");
            return new EvalArchive(
                    "embedded",
                    ArchiveBackends.open(new ArchiveLocation.Folder(folder), new ArchiveModel(modelId, dimension)),
                    () -> deleteTree(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not create a temporary folder for the evaluation archive: " + e.getMessage(), e);
        }
    }

    static EvalArchive postgres(EvalDatabase database, String modelId, int dimension) {
        if (database.url() == null || database.url().isBlank()) {
            throw new IllegalArgumentException(
                    "--archive postgres needs a database: set NEWSQA_DB_URL (and NEWSQA_DB_USER,"
                            + " NEWSQA_DB_PASSWORD) or NEWSQA_TEST_DB_URL. The evaluation works in a new schema and drops it afterwards.");
        }
        String schema =
                "newsqa_eval_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HikariDataSource dataSource = new HikariDataSource(
                Database.poolSettings(database.url(), database.user(), database.password(), "newsqa-eval", 3));
        Runnable dropSchema = () -> {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
            } catch (SQLException e) {
                System.err.println("Could not drop the evaluation schema " + schema + " (" + e.getMessage()
                        + "); drop it by hand.");
            } finally {
                dataSource.close();
            }
        };
        try {
            return new EvalArchive(
                    "postgres",
                    ArchiveBackends.open(
                            new ArchiveLocation.Schema(dataSource, schema), new ArchiveModel(modelId, dimension)),
                    dropSchema);
        } catch (RuntimeException e) {
            dropSchema.run();
            throw e;
        }
    }

    String kind() {
        return kind;
    }

    ArchiveIndex archive() {
        return archive;
    }

    @Override
    public void close() {
        try {
            archive.close();
        } finally {
            cleanup.run();
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete the evaluation archive in " + folder + " (" + e.getMessage() + ").");
        }
    }
}
