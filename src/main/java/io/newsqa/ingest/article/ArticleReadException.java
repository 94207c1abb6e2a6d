package io.newsqa.ingest.article;

/** An article source that cannot be read as an article; the message names it and says why. */
public class ArticleReadException extends RuntimeException {

    public ArticleReadException(String message) {
        super(message);
    }

    public ArticleReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
