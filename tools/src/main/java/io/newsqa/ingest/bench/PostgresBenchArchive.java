package io.newsqa.ingest.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveModel;
import io.newsqa.archive.backend.ArchiveBackends;
import io.newsqa.archive.backend.ArchiveLocation;
import io.newsqa.config.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL archive in a fresh schema of its own for one benchmark run, dropped afterwards,
 * and the CPU its server backends spend: with PostgreSQL a good part of storing (pgvector's HNSW
 * insertion, full-text vectors) runs in the server, not in this process, and a comparison by CPU
 * must count it. The backends are found by this pool's application name and read from
 * {@code /proc}, so their CPU is known when the server runs on this machine (else it counts 0,
 * and the report says so).
 */
final class PostgresBenchArchive implements AutoCloseable {

    private final HikariDataSource pool;
    private final String schema;
    private final String applicationName;
    private final ArchiveIndex archive;
    /** Last CPU ticks read per backend: a backend that has since ended keeps its last reading. */
    private final Map<Integer, Long> ticksByBackend = new HashMap<>();

    private boolean backendsReadable = true;
    /** Drops the schema when the benchmark is interrupted (Ctrl-C, SIGTERM) before {@link #close()}. */
    private final Thread dropOnInterrupt = new Thread(this::dropSchema, "bench-schema-drop");

    PostgresBenchArchive(String url, String user, String password, String modelId, int dimension) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        this.schema = "bench_ingest_" + suffix;
        this.applicationName = "newsqa-bench-" + suffix;
        HikariConfig config = Database.poolSettings(url, user, password, applicationName, 4);
        config.addDataSourceProperty("ApplicationName", applicationName);
        // The vector index built after the load (into this empty schema) runs in the backend
        // itself: parallel build workers come and go between two readings, their CPU uncounted.
        config.addDataSourceProperty("options", "-c max_parallel_maintenance_workers=0");
        // Connections live for the whole run, so every backend's CPU is still there to be read.
        config.setMinimumIdle(4);
        config.setIdleTimeout(0);
        config.setMaxLifetime(0);
        this.pool = new HikariDataSource(config);
        try {
            this.archive = ArchiveBackends.open(
                    new ArchiveLocation.Schema(pool, schema), new ArchiveModel(modelId, dimension));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(dropOnInterrupt);
    }

    ArchiveIndex archive() {
        return archive;
    }

    String schema() {
        return schema;
    }

    boolean backendsReadable() {
        return backendsReadable;
    }

    /** CPU seconds of this pool's server backends so far (ended backends at their last reading). */
    double backendCpuSeconds() {
        try (Connection connection = pool.getConnection();
                PreparedStatement backends =
                        connection.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            backends.setString(1, applicationName);
            try (ResultSet rows = backends.executeQuery()) {
                while (rows.next()) {
                    int pid = rows.getInt(1);
                    Long ticks = ticksOf(pid);
                    if (ticks == null) {
                        backendsReadable = false;
                    } else {
                        ticksByBackend.put(pid, ticks);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the benchmark's PostgreSQL backends: " + e.getMessage(), e);
        }
        return ticksByBackend.values().stream().mapToLong(Long::longValue).sum() / ThreadCpu.TICKS_PER_SECOND;
    }

    /** User + system ticks of a process on this machine, or null when it is not readable here. */
    private static Long ticksOf(int pid) {
        try {
            return ThreadCpu.cpuTicks(Files.readString(Path.of("/proc", Integer.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Closes the archive and drops its schema. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it drops the schema
        }
        try {
            archive.close();
            dropSchema();
        } finally {
            pool.close();
        }
    }

    private void dropSchema() {
        try (Connection connection = pool.getConnection();
                Statement drop = connection.createStatement()) {
            drop.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the benchmark schema " + schema + ": " + e.getMessage(), e);
        }
    }
}
