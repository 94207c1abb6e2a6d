package io.newsqa.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The PostgreSQL connection pool shared by everything that keeps state there (the archive,
 * conversation memory, the Telegram offset), or none when no database is configured. One pool,
 * so that the database sees one application's connections, sized in one place.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final String schema;

    private Database(HikariDataSource pool, String schema) {
        this.pool = pool;
        this.schema = schema;
    }

    static Database from(NewsQaProperties.Db db) {
        if (!db.configured()) {
            return new Database(null, db.schema());
        }
        HikariConfig config = poolSettings(db.url(), db.user(), db.password(), "newsqa", db.poolSize());
        // Idle connections above two are closed after Hikari's idle timeout (10 min): several
        // instances (or test contexts) on one server do not hold max_connections hostage.
        config.setMinimumIdle(Math.min(2, db.poolSize()));
        // Hikari waits 30 s for a connection by default: with the database gone every request would
        // hang that long. A short wait turns an outage into a prompt 503 (and readiness down), and
        // the pool keeps trying new connections, so the app recovers without a restart.
        config.setConnectionTimeout(db.connectionTimeout().toMillis());
        // The liveness check of a pooled connection must fit in that wait (Hikari's floor is 250 ms).
        config.setValidationTimeout(Math.max(250, db.connectionTimeout().toMillis() / 2));
        return new Database(new HikariDataSource(config), db.schema());
    }

    /**
     * The settings every NewsQA pool starts from (the application's, and the fresh-schema pools of
     * {@code eval} and the benchmarks); callers add what their use needs.
     */
    public static HikariConfig poolSettings(String url, String user, String password, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        return config;
    }

    /** The pool, when a database is configured. */
    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(pool);
    }

    /** The schema NewsQA's tables live in. */
    public String schema() {
        return schema;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
