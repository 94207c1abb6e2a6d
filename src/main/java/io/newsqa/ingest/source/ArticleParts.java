package io.newsqa.ingest.source;

import io.newsqa.ingest.article.ArticleLength;
import io.newsqa.ingest.article.ArticleUrl;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.text.DebrisCleaner;
import io.newsqa.text.LanguageDetection;
import java.time.OffsetDateTime;

/** The parts every source yields, cleaned and checked into one {@link ParsedArticle}. */
final class ArticleParts {

    private ArticleParts() {}

    /**
     * @param author the byline the source gives separately, removed where the page glued it to the
     *               text; may be {@code null}
     * @throws IllegalArgumentException saying what is missing
     */
    static ParsedArticle assemble(
            String title, String body, String url, String source, OffsetDateTime published, String author) {
        // Cleaning takes seconds a megabyte: a text far over the limit is refused before it.
        if (body != null && body.length() > 2 * ArticleLength.MAX_CHARACTERS) {
            throw new IllegalArgumentException(ArticleLength.refusal(body.length()));
        }
        String cleanTitle = title == null ? "" : DebrisCleaner.cleanTitle(title);
        if (cleanTitle.isBlank()) {
            throw new IllegalArgumentException("no title");
        }
        String cleanBody = body == null ? "" : DebrisCleaner.clean(body, author);
        if (cleanBody.startsWith(cleanTitle + "\n\n")) {
            cleanBody = cleanBody.substring(cleanTitle.length() + 2); // pages repeat the headline above the text
        }
        if (cleanBody.isBlank()) {
            throw new IllegalArgumentException("no article text");
        }
        return new ParsedArticle(
                cleanTitle,
                cleanBody,
                ArticleUrl.check(blankToNull(url)),
                blankToNull(source),
                published,
                LanguageDetection.detect(cleanTitle + "\n" + cleanBody));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
