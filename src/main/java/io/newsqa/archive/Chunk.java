package io.newsqa.archive;

import java.util.Objects;

/**
 * A passage of an article, the unit of search.
 *
 * @param articleId the article it belongs to
 * @param ordinal   its position in the article, from 0
 * @param text      the passage as displayed
 * @param embedding its vector from the configured embedding model
 */
public record Chunk(String articleId, int ordinal, String text, float[] embedding) {

    public Chunk {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(embedding, "embedding");
    }
}
