package io.newsqa.telegram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The offset in PostgreSQL (table {@code telegram_offset}, created by the archive's Flyway
 * migrations), one row per bot, so it survives the app's container being replaced. It borrows
 * the application's connection pool and leaves closing it to its owner.
 */
final class PostgresOffsetStore implements OffsetStore {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final String table;
    private final String botId;
    private final Clock clock;

    PostgresOffsetStore(DataSource dataSource, String schema, String botId, Clock clock) {
        if (schema == null || !IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("Schema name '" + schema
                    + "' is not usable: use lower-case letters, digits" + " and underscores (newsqa.db.schema).");
        }
        this.dataSource = dataSource;
        this.table = '"' + schema + "\".telegram_offset";
        this.botId = botId;
        this.clock = clock;
    }

    @Override
    public OptionalLong lastHandled() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT last_update_id, handled_at FROM " + table + " WHERE bot_id = ?")) {
            query.setString(1, botId);
            try (ResultSet row = query.executeQuery()) {
                Record record = row.next()
                        ? new Record(row.getLong(1), row.getTimestamp(2).toInstant())
                        : null;
                return OffsetStore.meaningful(record, clock.instant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not read the last handled Telegram update from " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void markHandled(long updateId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table
                        + " (bot_id, last_update_id, handled_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (bot_id) DO UPDATE SET last_update_id = EXCLUDED.last_update_id,"
                        + " handled_at = EXCLUDED.handled_at")) {
            upsert.setString(1, botId);
            upsert.setLong(2, updateId);
            upsert.setTimestamp(3, Timestamp.from(clock.instant()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not record the last handled Telegram update in " + table + ": " + e.getMessage(), e);
        }
    }
}
