package io.newsqa.ingest.source;

import io.newsqa.ingest.article.PlainTextArticle;
import java.util.Set;

/** Plain-text article files (headline, blank line, body; optional front matter). */
public final class PlainTextReader implements SourceReader {

    private static final Set<String> EXTENSIONS = Set.of("txt", "text", "md", "");

    @Override
    public boolean reads(SourceDocument document) {
        return document.mediaType().equals("text/plain")
                || (document.contentType() == null && EXTENSIONS.contains(document.extension()));
    }

    @Override
    public void read(SourceDocument document, ArticleSink sink) {
        sink.accept(document.name(), PlainTextArticle.read(document.name(), document.readBounded()));
    }
}
