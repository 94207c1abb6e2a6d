package io.newsqa.archive.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.newsqa.support.TestDatabase;

/** Connection pools to the test database, each small: several test classes share the server. */
final class PgTestArchives {

    private PgTestArchives() {
    }

    /** A new pool; fails with what to do when the test database is not running. */
    static HikariDataSource dataSource() {
        // A plain connection first: its failure says to run scripts/test.sh, Hikari's would not.
        try {
            TestDatabase.connect().close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not close a test connection", e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabase.URL);
        config.setUsername(TestDatabase.USER);
        config.setPassword(TestDatabase.PASSWORD);
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(0);
        config.setPoolName("pgarchive-test");
        return new HikariDataSource(config);
    }
}
