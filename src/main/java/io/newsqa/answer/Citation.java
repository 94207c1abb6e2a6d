package io.newsqa.answer;

import java.time.OffsetDateTime;

/**
 * A numbered source of an answer; the answer text refers to it as {@code [n]}.
 *
 * @param n           the number used in the answer text, from 1
 * @param articleId   the cited article
 * @param title       its headline
 * @param url         its link, or {@code null} when unknown
 * @param publishedAt its publication time, or {@code null} when unknown
 * @param source      its outlet, or {@code null} when unknown
 * @param storyId     the story it tells: the id of the first stored article of it (its own id when
 *                    it copies none). An answer cites each story once; when several sources of it
 *                    were cited, the citation names the newest of them.
 */
public record Citation(
        int n, String articleId, String title, String url, OffsetDateTime publishedAt, String source, String storyId) {

    public Citation {
        storyId = storyId == null ? articleId : storyId;
    }

    /** A citation of an article that is its own story. */
    public Citation(int n, String articleId, String title, String url, OffsetDateTime publishedAt, String source) {
        this(n, articleId, title, url, publishedAt, source, articleId);
    }
}
