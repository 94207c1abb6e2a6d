package io.newsqa.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The real PostgreSQL + pgvector the tests use, as provisioned by {@code scripts/test.sh}. A test
 * that needs it fails (never skips) when it is not reachable, with what to do about it.
 */
public final class TestDatabase {

    public static final String URL = env("NEWSQA_TEST_DB_URL", "jdbc:postgresql://localhost:5432/newsqa_test");
    public static final String USER = env("NEWSQA_TEST_DB_USER", "newsqa");
    public static final String PASSWORD = env("NEWSQA_TEST_DB_PASSWORD", "newsqa");

    private TestDatabase() {}

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A schema name no other test uses. */
    public static String freshSchemaName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static Connection connect() {
        try {
            return DriverManager.getConnection(URL, USER, PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL with pgvector is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                            + "). Run the tests with scripts/test.sh, which provisions it.",
                    e);
        }
    }

    /**
     * A small connection pool on the test database. A plain connection is tried first: its
     * failure says to run scripts/test.sh, Hikari's would not.
     */
    public static HikariDataSource pool(String name, int maxSize) {
        try {
            connect().close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not close a test connection", e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(0);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    public static void dropSchema(String schema) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }
}
