package io.newsqa.archive.postgres;

import io.newsqa.archive.IngestLocks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Ingest claims as PostgreSQL session advisory locks on one connection held for the run: a lock
 * per article text (schema and content hash, hashed to the 64-bit lock key), taken without
 * waiting. PostgreSQL drops them with the session, so an ingest that is killed leaves nothing
 * claimed and a rerun can start at once. Synchronized: the run claims on its reading thread and
 * releases on its storing thread.
 */
final class AdvisoryIngestLocks implements IngestLocks {

    private final Connection connection;
    private final String schema;

    AdvisoryIngestLocks(DataSource dataSource, String schema) {
        this.schema = schema;
        try {
            this.connection = dataSource.getConnection();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new ArchiveStorageException("Could not open ingest locks in PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean tryClaim(String contentHash) {
        return call("SELECT pg_try_advisory_lock(hashtextextended(?, 0))", contentHash);
    }

    @Override
    public synchronized void release(String contentHash) {
        call("SELECT pg_advisory_unlock(hashtextextended(?, 0))", contentHash);
    }

    private boolean call(String sql, String contentHash) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "newsqa-ingest:" + schema + ":" + contentHash);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new ArchiveStorageException("Could not claim or release an article for ingest in PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The connection goes back to the pool, its session with it: the locks must go first. */
    @Override
    public synchronized void close() {
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            unlock.execute();
        } catch (SQLException e) {
            // A broken connection is dropped by the pool, and its locks with the session.
        }
    }
}
