package io.newsqa.ingest.source;

import io.newsqa.ingest.article.ArticleReadException;
import java.io.IOException;
import java.io.InputStream;

/**
 * One document to read: a file, an archive entry or a fetched URL.
 *
 * @param name        its path, entry path or URL, used in the report and to choose a reader
 * @param contentType the media type the server declared, or {@code null} for files
 * @param content     its bytes; the caller opens and closes the stream
 */
public record SourceDocument(String name, String contentType, InputStream content) {

    /** Single documents (a page, a feed, a text file) above this size are not one article or feed. */
    public static final int MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

    /**
     * The whole document, refusing it once it passes {@link #MAX_DOCUMENT_BYTES}, so a runaway
     * file or download never fills the memory.
     */
    public byte[] readBounded() {
        try {
            byte[] bytes = content.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw new ArticleReadException(
                        name + ": larger than the " + MAX_DOCUMENT_BYTES
                                + "-byte limit for one page, feed or article file; split it, or give articles as a JSON/JSONL dump");
            }
            return bytes;
        } catch (IOException e) {
            throw new ArticleReadException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The file name extension in lower case, without a query string, or "". */
    public String extension() {
        String path = name;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
    }

    /** The media type without parameters, in lower case, or "". */
    public String mediaType() {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType)
                .strip()
                .toLowerCase(java.util.Locale.ROOT);
    }
}
