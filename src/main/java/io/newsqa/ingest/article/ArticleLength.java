package io.newsqa.ingest.article;

/**
 * The longest article text taken in. Every chunk of an article is embedded within the request or
 * run that stores it: a 20 MB text took minutes of one request (and a worker thread) at about a
 * thousand characters a chunk. 200,000 characters is some 80 printed pages, far beyond news.
 */
public final class ArticleLength {

    public static final int MAX_CHARACTERS = 200_000;

    private ArticleLength() {}

    /** Why the article is not taken in, or {@code null} when its length is fine. */
    public static String refusal(ParsedArticle article) {
        return refusal(article.body().length());
    }

    /** Why a text of this length is not taken in, or {@code null}. */
    public static String refusal(int length) {
        return length <= MAX_CHARACTERS
                ? null
                : "the text has " + String.format("%,d", length) + " characters; at most "
                        + String.format("%,d", MAX_CHARACTERS) + " are taken in: split it into parts";
    }
}
