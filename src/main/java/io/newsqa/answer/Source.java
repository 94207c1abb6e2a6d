package io.newsqa.answer;

import java.time.OffsetDateTime;

/**
 * A passage retrieved for a question, with the number {@code n} it has in the prompt and in the
 * extractive answerer's input. Citations are drawn only from these, so every citation points to a
 * chunk retrieved for the question.
 *
 * @param n            1-based number in retrieval order
 * @param chunkOrdinal the passage's position in its article
 */
public record Source(int n, String articleId, String title, String url, OffsetDateTime publishedAt, String source,
                     String language, int chunkOrdinal, String text) {

    /** This source as the citation numbered {@code number} in an answer. */
    public Citation citation(int number) {
        return new Citation(number, articleId, title, url, publishedAt, source);
    }
}
