package io.newsqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code eval} builds fresh archives of its own: the reader's configured archive must not even be
 * opened (opening a PostgreSQL archive runs its migrations, or refuses to start when they differ).
 */
class EvalLeavesTheConfiguredArchiveAloneTest {

    private final String schema = TestDatabase.freshSchemaName("eval_untouched");

    @AfterEach
    void clear() {
        System.clearProperty("newsqa.db.url");
        System.clearProperty("newsqa.db.user");
        System.clearProperty("newsqa.db.password");
        System.clearProperty("newsqa.db.schema");
        TestDatabase.dropSchema(schema);
    }

    @Test
    void theEvaluationContextDoesNotOpenTheConfiguredDatabase() throws SQLException {
        System.setProperty("newsqa.db.url", TestDatabase.URL);
        System.setProperty("newsqa.db.user", TestDatabase.USER);
        System.setProperty("newsqa.db.password", TestDatabase.PASSWORD);
        System.setProperty("newsqa.db.schema", schema);

        try (ConfigurableApplicationContext context = EvalCommand.evalContext()) {
            assertThat(context.isActive()).isTrue();
        }

        try (Connection connection = TestDatabase.connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT count(*) FROM pg_namespace WHERE nspname = ?")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1))
                        .as("schema %s created by opening the configured archive", schema)
                        .isZero();
            }
        }
    }
}
