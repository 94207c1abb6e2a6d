package io.newsqa.archive.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Makes the title tsvectors of articles stored before titles were searched (V15 added the
 * columns, empty for older rows), when the archive opens: the normalised title and its
 * configuration are written, and the V15 trigger analyses them. Nothing else of the article
 * changes; its chunks, vectors and BM25 postings are not touched. Once done, opening finds no
 * such row through a partial index and costs nothing.
 */
final class MissingTitles {

    /** Articles updated per statement (and per transaction): short locks on a live archive. */
    private static final int BATCH = 1_000;

    private MissingTitles() {}

    /** Fills in every missing title; returns how many articles were updated. */
    static int fill(DataSource dataSource, ArchiveSchema schema) {
        String articles = schema.table("articles");
        int filled = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement missing = connection.prepareStatement(
                        "SELECT id, title, language FROM " + articles + " WHERE title_config IS NULL LIMIT " + BATCH);
                PreparedStatement update = connection.prepareStatement("UPDATE " + articles
                        + " a SET title_search_text = t.text, title_config = t.config::regconfig"
                        + " FROM unnest(?::text[], ?::text[], ?::text[]) AS t (id, text, config)"
                        + " WHERE a.id = t.id AND a.title_config IS NULL")) {
            while (true) {
                List<String> ids = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                List<String> configs = new ArrayList<>();
                try (ResultSet row = missing.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getString("id"));
                        texts.add(ArticleRows.titleSearchText(row.getString("title")));
                        configs.add(TextSearchConfig.forLanguage(row.getString("language")));
                    }
                }
                if (ids.isEmpty()) {
                    return filled;
                }
                update.setArray(1, connection.createArrayOf("text", ids.toArray()));
                update.setArray(2, connection.createArrayOf("text", texts.toArray()));
                update.setArray(3, connection.createArrayOf("text", configs.toArray()));
                filled += update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new ArchiveStorageException("Could not index the titles of older articles in PostgreSQL", e);
        }
    }
}
