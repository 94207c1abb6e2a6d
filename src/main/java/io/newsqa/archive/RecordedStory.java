package io.newsqa.archive;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What the story backfill ({@code newsqa link-stories}) needs to know of a stored article before
 * reading its body: when it was published, and the story the archive records for it.
 *
 * @param articleId   the article
 * @param publishedAt its publication time, or {@code null} when the source gave none
 * @param storyId     the story recorded for it, or {@code null} when none is: articles stored
 *                    before articles were linked to stories (PostgreSQL {@code story_id} NULL), and
 *                    on the embedded archive also articles that are their own story (it writes
 *                    a story only for articles that retell another)
 */
public record RecordedStory(String articleId, OffsetDateTime publishedAt, String storyId) {

    public RecordedStory {
        Objects.requireNonNull(articleId, "articleId");
    }
}
