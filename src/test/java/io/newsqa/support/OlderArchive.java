package io.newsqa.support;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A PostgreSQL archive as an older release left it: migrated only up to a schema version, holding
 * one English article ({@code old}, "The harbour reopened after the storm.") with one chunk, written
 * straight into the tables as that release did. For testing that the later migrations upgrade it.
 */
public final class OlderArchive {

    private OlderArchive() {}

    /** Creates it in {@code schema} (4-dimension vectors) for the embedding model {@code model}. */
    public static void create(String schema, String version, String model) throws SQLException {
        try (HikariDataSource pool = TestDatabase.pool("older-archive", 2)) {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration/postgres")
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .placeholders(Map.of("dimension", "4"))
                    .target(version)
                    .load()
                    .migrate();
            try (Connection connection = pool.getConnection();
                    Statement sql = connection.createStatement()) {
                sql.execute("INSERT INTO " + schema + ".archive_meta (embedding_model, dimension) VALUES ('" + model
                        + "', 4)");
                sql.execute("INSERT INTO " + schema + ".articles (id, title, language, content_hash, body)"
                        + " VALUES ('old', 'Old headline', 'en', 'hash-old', 'The harbour reopened after the storm.')");
                sql.execute("INSERT INTO " + schema
                        + ".chunks (article_id, ordinal, text, search_text, ts_config, embedding)"
                        + " VALUES ('old', 0, 'The harbour reopened after the storm.', 'The harbour reopened after the storm.',"
                        + " 'english', '[1,0,0,0]')");
            }
        }
    }
}
