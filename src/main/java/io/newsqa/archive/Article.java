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
 * @param storyId     the story this article tells: the id of the earliest stored article of it
 *                    (a wire story re-edited by several outlets is one story), its own id when it
 *                    copies no stored article. Retrieval caps passages per story and answers cite
 *                    a story once. Never {@code null}: absent (archives stored before stories were
 *                    linked) means its own id.
 */
public record Article(
        String id,
        String url,
        String title,
        String source,
        OffsetDateTime publishedAt,
        String language,
        String contentHash,
        String body,
        String storyId) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(body, "body");
        storyId = storyId == null ? id : storyId;
    }

    /** An article that is its own story. */
    public Article(
            String id,
            String url,
            String title,
            String source,
            OffsetDateTime publishedAt,
            String language,
            String contentHash,
            String body) {
        this(id, url, title, source, publishedAt, language, contentHash, body, id);
    }

    /** This article, telling the story {@code story} (an article id). */
    public Article inStory(String story) {
        return new Article(id, url, title, source, publishedAt, language, contentHash, body, story);
    }

    /** This article without its body, as search hits carry it. */
    public ArticleHeader header() {
        return new ArticleHeader(id, url, title, source, publishedAt, language, contentHash, storyId);
    }

    /** Whether it retells an earlier article (its story is another article's). Not a bean getter: not in JSON. */
    public boolean retellsAnother() {
        return !storyId.equals(id);
    }
}
