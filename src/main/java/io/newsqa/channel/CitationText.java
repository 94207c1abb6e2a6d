package io.newsqa.channel;

import io.newsqa.answer.Citation;
import java.time.LocalDate;

/**
 * What a channel shows of one source, the same in every channel that renders text (Telegram, the
 * command line): its number, a label (the headline, or the article's id when it has none), the
 * outlet when known and the day it was published, in the article's own offset, when known. Each
 * channel adds its own markup (links, escaping) around these parts.
 */
public record CitationText(int n, String label, String outlet, LocalDate day, String url) {

    public static CitationText of(Citation citation) {
        return new CitationText(
                citation.n(),
                blank(citation.title()) ? citation.articleId() : citation.title(),
                blank(citation.source()) ? null : citation.source(),
                citation.publishedAt() == null ? null : citation.publishedAt().toLocalDate(),
                blank(citation.url()) ? null : citation.url());
    }

    /** {@code [n] }: how the answer text refers to the source. */
    public String marker() {
        return "[" + n + "] ";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
