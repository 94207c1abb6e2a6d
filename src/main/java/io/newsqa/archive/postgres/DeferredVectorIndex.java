package io.newsqa.archive.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HNSW index on the chunk vectors, built once after a load into an empty archive instead of
 * growing one vector at a time during it. pgvector inserting vectors into the graph one by one
 * costs about four times the CPU of building the graph over the same vectors at once (28,000
 * SaudiNewsNet chunks: 22.3 s against 5.6 s on one core, docs/reference/ingest.md), and on a small machine
 * that CPU is taken from the embedding model. Only an empty archive is loaded without its index:
 * rebuilding the graph of a large archive to add a day's articles would cost more than it saves.
 * While the index is missing, dense searches compare every vector: exact, only slower.
 *
 * <p>One load at a time puts the index off: it holds a session advisory lock on the schema's index
 * until it has built it. PostgreSQL drops the lock with the session, so when that load is killed,
 * the next time the archive is opened finds the index missing and nobody holding the lock, and
 * builds it ({@link #buildIfAbandoned}).
 */
final class DeferredVectorIndex {

    private static final Logger log = LoggerFactory.getLogger(DeferredVectorIndex.class);

    /** The index as V1 creates it: pgvector's defaults (m = 16, ef_construction = 64), cosine distance. */
    private static final String INDEX = "chunks_embedding_hnsw_idx";

    private final Connection connection;
    private final ArchiveSchema schema;
    private final int buildMemoryMb;

    private DeferredVectorIndex(Connection connection, ArchiveSchema schema, int buildMemoryMb) {
        this.connection = connection;
        this.schema = schema;
        this.buildMemoryMb = buildMemoryMb;
    }

    /**
     * Drops the index of an empty archive for a load on this connection, which then holds the
     * lock until the connection's session ends.
     *
     * @return the index to build when the load ends; null when the archive keeps its index (it
     *         holds chunks, or another load has put the index off already)
     */
    static DeferredVectorIndex putOffIfEmpty(Connection connection, ArchiveSchema schema, int buildMemoryMb) {
        try {
            if (!lock(connection, schema, "pg_try_advisory_lock")) {
                return null;
            }
            if (indexExists(connection, schema)) {
                if (!isEmpty(connection, schema)) {
                    lock(connection, schema, "pg_advisory_unlock");
                    return null;
                }
                try (Statement drop = connection.createStatement()) {
                    drop.execute("DROP INDEX IF EXISTS " + schema.table(INDEX));
                }
            }
            // Else missing with nobody holding the lock: a load was killed before building it; this one builds it.
            return new DeferredVectorIndex(connection, schema, buildMemoryMb);
        } catch (SQLException e) {
            throw new ArchiveStorageException(
                    "Could not prepare the vector index for a load into schema '" + schema.name() + "': "
                            + e.getMessage(),
                    e);
        }
    }

    /** When a load that put the index off was killed before building it: builds it now. */
    static void buildIfAbandoned(DataSource dataSource, ArchiveSchema schema, int buildMemoryMb) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!lock(connection, schema, "pg_try_advisory_lock")) {
                return; // a load is running without the index; it builds it
            }
            try {
                if (!indexExists(connection, schema)) {
                    log.info(
                            "The vector index of schema '{}' is missing (a load was stopped before building it): building it now",
                            schema.name());
                    new DeferredVectorIndex(connection, schema, buildMemoryMb).build();
                }
            } finally {
                lock(connection, schema, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new ArchiveStorageException(
                    "Could not check the vector index of schema '" + schema.name() + "': " + e.getMessage(), e);
        }
    }

    /**
     * Builds the index over every stored vector. A failure is logged, not thrown: the articles are
     * stored, searches work without the index, and the next opening of the archive builds it.
     */
    void build() {
        long start = System.nanoTime();
        try (Statement build = connection.createStatement()) {
            // The graph is built in memory when it fits (pgvector warns and slows down when it does not).
            build.execute("SET maintenance_work_mem = '" + buildMemoryMb + "MB'");
            build.execute("CREATE INDEX IF NOT EXISTS " + INDEX + " ON " + schema.table("chunks")
                    + " USING hnsw (embedding vector_cosine_ops)");
            build.execute("RESET maintenance_work_mem");
            log.info(
                    "Built the vector index of schema '{}' in {} s",
                    schema.name(),
                    String.format("%.1f", (System.nanoTime() - start) / 1e9));
        } catch (SQLException e) {
            log.warn(
                    "Could not build the vector index of schema '{}' after the load: {}. The articles are stored, and dense"
                            + " searches compare every vector until the index exists; it is built the next time the archive is opened.",
                    schema.name(),
                    e.getMessage());
        }
    }

    private static boolean lock(Connection connection, ArchiveSchema schema, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(hashtextextended(?, 0))")) {
            lock.setString(1, "newsqa-vector-index:" + schema.name());
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static boolean indexExists(Connection connection, ArchiveSchema schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, schema.table(INDEX));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static boolean isEmpty(Connection connection, ArchiveSchema schema) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT NOT EXISTS (SELECT 1 FROM " + schema.table("chunks") + ")");
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getBoolean(1);
        }
    }
}
