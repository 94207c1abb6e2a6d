package io.newsqa.ingest.source;

import io.newsqa.ingest.article.ParsedArticle;

/** Where a reader hands what it read: each article, or why an item could not be read. */
public interface ArticleSink {

    /**
     * @param item names the item for the report: its file, archive entry or URL and, inside a
     *             dump or feed, its position
     */
    void accept(String item, ParsedArticle article);

    void reject(String item, String reason);

    /** Whether the sink takes no more articles (ingest shutting down): readers may stop reading. */
    default boolean stopped() {
        return false;
    }
}
