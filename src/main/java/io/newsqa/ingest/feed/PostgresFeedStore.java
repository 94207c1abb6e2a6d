package io.newsqa.ingest.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The feeds in PostgreSQL (table {@code feeds}, created by the archive's Flyway migrations),
 * shared by every app instance on the database. It borrows the application's connection pool.
 *
 * <p>Why a lease rather than holding a row lock while polling: a poll fetches over the network
 * and embeds new articles, which can take a minute. {@code SELECT ... FOR UPDATE SKIP LOCKED}
 * alone would keep a transaction and a pooled connection open all that time (the archive shares
 * the pool), and a stuck fetch would hold it as long. Instead a short transaction claims due feeds
 * with {@code FOR UPDATE SKIP LOCKED} (concurrent claimers skip each other's rows instead of
 * waiting, and a row another instance claimed a moment ago is re-checked and left out), writing
 * {@code claimed_by} and {@code claimed_until}. The claim survives without a connection; a
 * crashed instance's claim simply runs out, and its feeds are polled by the others. Completion
 * only counts when the poller still holds the claim. All times are the database's {@code now()},
 * so instances with skewed clocks still agree on what is due and whose lease has ended.
 */
final class PostgresFeedStore implements FeedStore {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String COLUMNS = "id, url, enabled, registered_at, etag, last_modified, last_polled_at,"
            + " last_polled_by, last_status, last_error, items_added, consecutive_failures, next_poll_at";
    private static final String FREE = "(claimed_until IS NULL OR claimed_until < now())";

    private final DataSource dataSource;
    private final String table;

    PostgresFeedStore(DataSource dataSource, String schema) {
        if (schema == null || !IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("Schema name '" + schema
                    + "' is not usable: use lower-case letters, digits" + " and underscores (newsqa.db.schema).");
        }
        this.dataSource = dataSource;
        this.table = '"' + schema + "\".feeds";
    }

    @Override
    public Registration register(FeedUrl url) {
        // DO NOTHING returns no row for a URL already registered: then it is read back.
        List<Feed> inserted = query(
                "register feed " + url,
                "INSERT INTO " + table + " (url) VALUES (?)" + " ON CONFLICT (url) DO NOTHING RETURNING " + COLUMNS,
                url.value());
        if (!inserted.isEmpty()) {
            return new Registration(inserted.get(0), true);
        }
        List<Feed> existing =
                query("read feed " + url, "SELECT " + COLUMNS + " FROM " + table + " WHERE url = ?", url.value());
        return new Registration(existing.get(0), false);
    }

    @Override
    public List<Feed> list() {
        return query("list feeds", "SELECT " + COLUMNS + " FROM " + table + " ORDER BY id");
    }

    @Override
    public Optional<Feed> find(long id) {
        return first(query("read feed " + id, "SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?", id));
    }

    @Override
    public boolean delete(long id) {
        return update("delete feed " + id, "DELETE FROM " + table + " WHERE id = ?", id) > 0;
    }

    @Override
    public Optional<Feed> setEnabled(long id, boolean enabled) {
        return first(query(
                "pause or resume feed " + id,
                "UPDATE " + table + " SET enabled = ? WHERE id = ? RETURNING " + COLUMNS,
                enabled,
                id));
    }

    @Override
    public List<Feed> claimDue(String poller, int limit, Duration lease) {
        return query(
                "claim due feeds",
                "UPDATE " + table + " f SET claimed_by = ?, claimed_until = now() + make_interval(secs => ?)"
                        + " FROM (SELECT id FROM " + table + " WHERE enabled AND next_poll_at <= now() AND " + FREE
                        + " ORDER BY next_poll_at LIMIT ? FOR UPDATE SKIP LOCKED) due WHERE f.id = due.id RETURNING f.*",
                poller,
                seconds(lease),
                limit);
    }

    @Override
    public Optional<Feed> claim(long id, String poller, Duration lease) {
        return first(query(
                "claim feed " + id,
                "UPDATE " + table + " SET claimed_by = ?, claimed_until = now() + make_interval(secs => ?)"
                        + " WHERE id = ? AND " + FREE + " RETURNING " + COLUMNS,
                poller,
                seconds(lease),
                id));
    }

    @Override
    public boolean complete(long id, String poller, PollResult result) {
        boolean replace = result.validators() != null;
        Validators validators = replace ? result.validators() : Validators.NONE;
        return update(
                        "record the poll of feed " + id,
                        "UPDATE " + table + " SET claimed_by = NULL, claimed_until = NULL,"
                                + " last_polled_at = now(), last_polled_by = ?, last_status = ?, last_error = ?,"
                                + " etag = CASE WHEN ? THEN ? ELSE etag END, last_modified = CASE WHEN ? THEN ? ELSE last_modified END,"
                                + " items_added = items_added + ?,"
                                + " consecutive_failures = CASE WHEN ? THEN consecutive_failures + 1 ELSE 0 END,"
                                + " next_poll_at = now() + make_interval(secs => ?)"
                                + " WHERE id = ? AND claimed_by = ?",
                        poller,
                        result.status().code(),
                        result.message(),
                        replace,
                        validators.etag(),
                        replace,
                        validators.lastModified(),
                        result.itemsAdded(),
                        result.failed(),
                        seconds(result.nextPollIn()),
                        id,
                        poller)
                > 0;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private List<Feed> query(String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<Feed> feeds = new ArrayList<>();
            while (rows.next()) {
                feeds.add(feed(rows));
            }
            return feeds;
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private int update(String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("Could not " + what + " in " + table + ": " + e.getMessage(), e);
    }

    private static Optional<Feed> first(List<Feed> feeds) {
        return feeds.stream().findFirst();
    }

    private static Feed feed(ResultSet row) throws SQLException {
        return new Feed(
                row.getLong("id"),
                row.getString("url"),
                row.getBoolean("enabled"),
                instant(row, "registered_at"),
                row.getString("etag"),
                row.getString("last_modified"),
                instant(row, "last_polled_at"),
                row.getString("last_polled_by"),
                FeedStatus.ofCode(row.getString("last_status")),
                row.getString("last_error"),
                row.getLong("items_added"),
                row.getInt("consecutive_failures"),
                instant(row, "next_poll_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
