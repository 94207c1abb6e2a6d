package io.newsqa.archive;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One stored news article as the reader saw it: the original body is kept for display, search
 * works on the chunks derived from it.
 *
 * @param id          stable identifier, derived from the URL when known, else from the content
 * @param url         link to the original, or {@code null} when the source gave none
 * @param title       the headline
 * @param source      the outlet or file the article came from, or {@code null}
 * @param publishedAt publication time with its offset, or {@code null} when the source gave none
 *                    (we never invent a date)
 * @param language    ISO 639-1 code such as {@code ar} or {@code en}
 * @param contentHash SHA-256 of the cleaned body, for exact-duplicate detection
 * @param body        the cleaned article text, paragraphs separated by blank lines
 */
public record Article(
        String id,
        String url,
        String title,
        String source,
        OffsetDateTime publishedAt,
        String language,
        String contentHash,
        String body) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(body, "body");
    }
}
