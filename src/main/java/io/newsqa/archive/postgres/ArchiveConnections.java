package io.newsqa.archive.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Connections to the archive's database, lent for one piece of work: SQL errors become
 * {@link ArchiveStorageException}s naming the operation, a transaction commits all of its work or
 * none, and nothing is lent once the archive is closed. The pool is closed here when the archive
 * owns it.
 */
final class ArchiveConnections {

    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final boolean ownsDataSource;
    private volatile boolean closed;

    ArchiveConnections(DataSource dataSource, boolean ownsDataSource) {
        this.dataSource = dataSource;
        this.ownsDataSource = ownsDataSource;
    }

    DataSource dataSource() {
        return dataSource;
    }

    <T> T withConnection(String operation, SqlWork<T> work) {
        requireOpen();
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new ArchiveStorageException("Could not " + operation + " in PostgreSQL", e);
        }
    }

    /** Runs the work in one transaction: all of it is committed, or none of it. */
    <T> T inTransaction(String operation, SqlWork<T> work) {
        return withConnection(operation, connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        });
    }

    /** A setting for the current transaction only, so pooled connections come back unchanged. */
    static void setLocal(Connection connection, String setting, String value) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
            set.setString(1, setting);
            set.setString(2, value);
            set.execute();
        }
    }

    /** Pooled connections must come back as they were lent. */
    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // The connection is broken; the pool discards it and the caller sees the first error.
        }
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("This PostgreSQL archive is closed; open a new one");
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ownsDataSource && dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new ArchiveStorageException("Could not close the PostgreSQL connection pool", e);
            }
        }
    }
}
