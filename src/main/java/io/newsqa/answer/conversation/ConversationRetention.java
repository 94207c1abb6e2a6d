package io.newsqa.answer.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets conversations nobody has continued for the retention period
 * ({@code newsqa.conversation.retention}): one file or row per conversation would otherwise grow
 * without bound, and they hold what readers asked. Swept at start and then every hour.
 */
public final class ConversationRetention implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConversationRetention.class);
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    /** Deletes the conversations last written before the cutoff; returns how many. */
    interface Sweep {
        int deleteOlderThan(Instant cutoff);
    }

    private final Duration retention;
    private final Sweep sweep;
    private final Clock clock;
    private ScheduledExecutorService executor;

    ConversationRetention(Duration retention, Sweep sweep, Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("newsqa.conversation.retention must be positive, not " + retention);
        }
        this.retention = retention;
        this.sweep = sweep;
        this.clock = clock;
    }

    /** The conversation files of the embedded set-up, by their last change. */
    static Sweep files(Path folder) {
        return cutoff -> {
            int deleted = 0;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
                for (Path file : files) {
                    try {
                        if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
                                && Files.deleteIfExists(file)) {
                            deleted++;
                        }
                    } catch (NoSuchFileException gone) {
                        // reset meanwhile
                    }
                }
            } catch (NoSuchFileException noFolderYet) {
                return 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return deleted;
        };
    }

    /** The conversations table next to the archive, by its {@code updated_at}. */
    static Sweep table(DataSource database, String schema) {
        String delete = "DELETE FROM \"" + schema + "\".conversations WHERE updated_at < ?";
        return cutoff -> {
            try (Connection connection = database.getConnection();
                    PreparedStatement statement = connection.prepareStatement(delete)) {
                statement.setTimestamp(1, Timestamp.from(cutoff));
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("old conversations could not be deleted: " + e.getMessage(), e);
            }
        };
    }

    /** Deletes the conversations older than the retention period; returns how many. */
    int sweepNow() {
        int deleted = sweep.deleteOlderThan(clock.instant().minus(retention));
        if (deleted > 0) {
            log.info(
                    "Forgot {} conversation(s) not continued for {} (newsqa.conversation.retention)",
                    deleted,
                    retention);
        }
        return deleted;
    }

    void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "conversation-retention");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        sweepNow();
                    } catch (RuntimeException e) {
                        log.warn(
                                "Old conversations could not be deleted this time ({}); trying again in {}",
                                e.getMessage(),
                                SWEEP_EVERY);
                    }
                },
                0,
                SWEEP_EVERY.toMinutes(),
                TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
