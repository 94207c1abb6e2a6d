package io.newsqa.ingest.article;

import java.time.OffsetDateTime;

/** An article as read from a source, cleaned, before it is chunked and stored. */
public record ParsedArticle(
        String title, String body, String url, String source, OffsetDateTime publishedAt, String language) {}
