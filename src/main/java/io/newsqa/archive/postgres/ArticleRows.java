package io.newsqa.archive.postgres;

import io.newsqa.archive.Article;
import io.newsqa.archive.ArticleHeader;
import io.newsqa.text.ArabicNormalizer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Maps {@link Article} to and from rows of the {@code articles} table (aliased {@code a}). */
final class ArticleRows {

    /** The columns {@link #readHeader} needs, for a SELECT list: all but the body. */
    static final String HEADER_COLUMNS =
            "a.id, a.url, a.title, a.source, a.published_at, a.published_offset, a.language, a.content_hash,"
                    // No story recorded (rows stored before V12): the article is its own story.
                    + " coalesce(a.story_id, a.id) AS story_id";

    /** The columns {@link #read} needs, for a SELECT list. */
    static final String COLUMNS = HEADER_COLUMNS + ", a.body";

    /**
     * The columns {@link #bindInsert} binds, in its parameter order; the title's tsvector and
     * length follow from the last two (V15 trigger).
     */
    static final String INSERT_COLUMNS = "id, url, title, source, published_at, published_offset, language,"
            + " content_hash, body, story_id, title_search_text, title_config";

    /** One placeholder per column of {@link #INSERT_COLUMNS}. */
    static final String INSERT_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::regconfig";

    private ArticleRows() {}

    static Article read(ResultSet row) throws SQLException {
        return readHeader(row).withBody(row.getString("body"));
    }

    static ArticleHeader readHeader(ResultSet row) throws SQLException {
        return new ArticleHeader(
                row.getString("id"),
                row.getString("url"),
                row.getString("title"),
                row.getString("source"),
                publishedAt(row),
                row.getString("language"),
                row.getString("content_hash"),
                row.getString("story_id"));
    }

    /** The driver returns timestamptz in UTC; give it back in the offset the source wrote. */
    static OffsetDateTime publishedAt(ResultSet row) throws SQLException {
        OffsetDateTime instant = row.getObject("published_at", OffsetDateTime.class);
        if (instant == null) {
            return null;
        }
        return instant.withOffsetSameInstant(ZoneOffset.of(row.getString("published_offset")));
    }

    static void bindInsert(PreparedStatement statement, Article article) throws SQLException {
        statement.setString(1, article.id());
        statement.setString(2, article.url());
        statement.setString(3, article.title());
        statement.setString(4, article.source());
        OffsetDateTime published = article.publishedAt();
        if (published == null) {
            statement.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setNull(6, Types.VARCHAR);
        } else {
            statement.setObject(5, published);
            statement.setString(6, published.getOffset().getId());
        }
        statement.setString(7, article.language());
        statement.setString(8, article.contentHash());
        statement.setString(9, article.body());
        statement.setString(10, article.storyId());
        statement.setString(11, titleSearchText(article.title()));
        statement.setString(12, TextSearchConfig.forLanguage(article.language()));
    }

    /** What the title's tsvector is made from: the title after Arabic spelling normalisation, as chunks' search text. */
    static String titleSearchText(String title) {
        return ArabicNormalizer.normalize(title);
    }
}
