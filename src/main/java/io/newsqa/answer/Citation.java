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
 */
public record Citation(int n, String articleId, String title, String url, OffsetDateTime publishedAt, String source) {
}
