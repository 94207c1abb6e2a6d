package io.newsqa.archive;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What a search hit says about its article: everything of {@link Article} but the body. A search
 * reads dozens of hits for the few passages it returns, and reading and decoding each hit's whole
 * body was a sixth of PostgreSQL's CPU under load; the bodies of the passages kept are read
 * afterwards ({@link ArchiveSearch#bodies}). Fields as in {@link Article}.
 */
public record ArticleHeader(
        String id,
        String url,
        String title,
        String source,
        OffsetDateTime publishedAt,
        String language,
        String contentHash,
        String storyId) {

    public ArticleHeader {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(contentHash, "contentHash");
        storyId = storyId == null ? id : storyId;
    }

    /** The whole article: this with its body. */
    public Article withBody(String body) {
        return new Article(id, url, title, source, publishedAt, language, contentHash, body, storyId);
    }
}
