package io.newsqa.archive;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /** The latest publication time among these articles; empty when none has one. */
    public static Optional<OffsetDateTime> newest(List<RecordedStory> stories) {
        return stories.stream()
                .map(RecordedStory::publishedAt)
                .filter(Objects::nonNull)
                .max(Comparator.comparing(OffsetDateTime::toInstant));
    }
}
