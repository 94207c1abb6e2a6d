package io.newsqa.answer;

import io.newsqa.archive.ArticleHeader;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * A passage retrieved for a question, with the number {@code n} it has in the prompt and in the
 * extractive answerer's input. Citations are drawn only from these, so every citation points to a
 * chunk retrieved for the question.
 *
 * @param n            1-based number in retrieval order
 * @param chunkOrdinal the passage's position in its article
 * @param storyId      the story its article tells (see {@link io.newsqa.archive.Article#storyId()}):
 *                     sources of one story are cited once
 */
public record Source(
        int n,
        String articleId,
        String title,
        String url,
        OffsetDateTime publishedAt,
        String source,
        String language,
        int chunkOrdinal,
        String text,
        String storyId) {

    /** Newest first; sources without a date last (we never guess one). */
    private static final Comparator<Source> NEWEST_FIRST =
            Comparator.comparing(Source::publishedAt, Comparator.nullsLast(Comparator.<OffsetDateTime>reverseOrder()));

    public Source {
        storyId = storyId == null ? articleId : storyId;
    }

    /** A source whose article is its own story. */
    public Source(
            int n,
            String articleId,
            String title,
            String url,
            OffsetDateTime publishedAt,
            String source,
            String language,
            int chunkOrdinal,
            String text) {
        this(n, articleId, title, url, publishedAt, source, language, chunkOrdinal, text, articleId);
    }

    /** A passage of {@code article} as the source numbered {@code n}; absent dates, links and outlets stay absent. */
    public static Source of(int n, ArticleHeader article, int chunkOrdinal, String text) {
        return new Source(
                n,
                article.id(),
                article.title(),
                article.url(),
                article.publishedAt(),
                article.source(),
                article.language(),
                chunkOrdinal,
                text,
                article.storyId());
    }

    /** This source with the number {@code n} it has among an answer's sources. */
    public Source numbered(int n) {
        return new Source(n, articleId, title, url, publishedAt, source, language, chunkOrdinal, text, storyId);
    }

    /** This source as the citation numbered {@code number} in an answer. */
    public Citation citation(int number) {
        return new Citation(number, articleId, title, url, publishedAt, source, storyId);
    }

    /**
     * The newest of sources telling one story, the one a citation of the story names (the first of
     * them when none is newer, or none has a date).
     */
    static Source newest(List<Source> sameStory) {
        return sameStory.stream().min(NEWEST_FIRST).orElseThrow(); // min keeps the first of equals
    }
}
