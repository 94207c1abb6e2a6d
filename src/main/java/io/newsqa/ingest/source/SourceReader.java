package io.newsqa.ingest.source;

import java.io.IOException;

/** Reads one kind of source (text file, JSON dump, ZIP, feed, HTML page) into articles. */
public interface SourceReader {

    /** Whether this reader understands the document, judged by its media type or file extension. */
    boolean reads(SourceDocument document);

    /**
     * Hands every article of the document to the sink and every unreadable item to
     * {@link ArticleSink#reject}; items are handed over as soon as they are read, so a large
     * dump streams.
     *
     * @throws io.newsqa.ingest.article.ArticleReadException when the document as a whole cannot be read
     */
    void read(SourceDocument document, ArticleSink sink) throws IOException;
}
