package io.newsqa.archive.postgres;

import io.newsqa.archive.SearchFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SearchFilter} as SQL conditions on the {@code articles} table aliased {@code a}, with
 * its values bound as parameters. The SQL text depends only on which restrictions are present,
 * never on their values.
 */
final class FilterClause {

    private interface Binder {
        void bind(Connection connection, PreparedStatement statement, int index) throws SQLException;
    }

    private final List<String> conditions = new ArrayList<>();
    private final List<Binder> binders = new ArrayList<>();

    FilterClause(SearchFilter filter) {
        SearchFilter f = filter == null ? SearchFilter.none() : filter;
        // NULL published_at fails both comparisons: undated articles never match a date bound.
        if (f.publishedFrom() != null) {
            conditions.add("a.published_at >= ?");
            binders.add((c, s, i) -> s.setObject(i, f.publishedFrom()));
        }
        if (f.publishedTo() != null) {
            conditions.add("a.published_at < ?");
            binders.add((c, s, i) -> s.setObject(i, f.publishedTo()));
        }
        if (!f.sources().isEmpty()) {
            conditions.add("a.source = ANY (?)");
            binders.add((c, s, i) ->
                    s.setArray(i, c.createArrayOf("text", f.sources().toArray())));
        }
        if (!f.languages().isEmpty()) {
            conditions.add("a.language = ANY (?)");
            binders.add((c, s, i) ->
                    s.setArray(i, c.createArrayOf("text", f.languages().toArray())));
        }
    }

    boolean restricts() {
        return !conditions.isEmpty();
    }

    /** {@code " AND cond1 AND cond2"}, or an empty string when nothing is restricted. */
    String andConditions() {
        StringBuilder sql = new StringBuilder();
        for (String condition : conditions) {
            sql.append(" AND ").append(condition);
        }
        return sql.toString();
    }

    /** Binds the values from parameter {@code firstIndex} on; returns the next free index. */
    int bind(Connection connection, PreparedStatement statement, int firstIndex) throws SQLException {
        int index = firstIndex;
        for (Binder binder : binders) {
            binder.bind(connection, statement, index++);
        }
        return index;
    }
}
