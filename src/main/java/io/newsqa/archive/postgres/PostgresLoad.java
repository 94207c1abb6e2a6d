package io.newsqa.archive.postgres;

import io.newsqa.archive.ArchiveLoad;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A load into the PostgreSQL archive, on one connection held for the load: ingest claims as
 * session advisory locks, a lock per article text (schema and content hash, hashed to the 64-bit
 * lock key) taken without waiting, and the vector index put off while the load fills an empty
 * archive ({@link DeferredVectorIndex}). PostgreSQL drops the locks with the session, so a load
 * that is killed leaves nothing claimed and a rerun can start at once. Synchronized: an ingest
 * run claims on its reading thread and releases on its storing thread.
 */
final class PostgresLoad implements ArchiveLoad {

    private final Connection connection;
    private final String schema;
    private final DeferredVectorIndex vectorIndex;
    private boolean closed;

    PostgresLoad(DataSource dataSource, ArchiveSchema schema, int indexBuildMemoryMb) {
        this.schema = schema.name();
        try {
            this.connection = dataSource.getConnection();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new ArchiveStorageException("Could not start a load into PostgreSQL: " + e.getMessage(), e);
        }
        try {
            this.vectorIndex = DeferredVectorIndex.putOffIfEmpty(connection, schema, indexBuildMemoryMb);
        } catch (RuntimeException e) {
            closeConnection();
            throw e;
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
            throw new ArchiveStorageException(
                    "Could not claim or release an article for ingest in PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** Builds the index put off, if any; then the connection goes back to the pool, its locks dropped first. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (vectorIndex != null) {
                vectorIndex.build();
            }
        } finally {
            closeConnection();
        }
    }

    private void closeConnection() {
        try (connection;
                PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            unlock.execute();
        } catch (SQLException e) {
            // A broken connection is dropped by the pool, and its locks with the session.
        }
    }
}
