package io.newsqa.archive;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One line of the archive's article list: what an editor needs to recognise an article, without
 * its body.
 *
 * @param ingestedAt when this version was stored, or {@code null} when the archive did not record
 *                   it (embedded archives written before it was recorded)
 * @param storyId    the story it tells ({@link Article#storyId()}): its own id, or the first stored
 *                   article of the wire story it retells
 */
public record ArticleSummary(
        String id,
        String url,
        String title,
        String source,
        OffsetDateTime publishedAt,
        String language,
        Instant ingestedAt,
        String storyId) {

    public static ArticleSummary of(Article article, Instant ingestedAt) {
        return new ArticleSummary(
                article.id(),
                article.url(),
                article.title(),
                article.source(),
                article.publishedAt(),
                article.language(),
                ingestedAt,
                article.storyId());
    }
}
