package io.newsqa.ingest.source;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsqa.ingest.article.ArticleReadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;

/**
 * RSS and Atom feeds, through Rome. Each entry becomes an article from its full content when the
 * feed carries it, else from its description. Rome gives dates as instants, so the offset the
 * feed wrote is not kept: the stored time is the same instant in UTC.
 */
public final class FeedReader implements SourceReader {

    private static final Set<String> MEDIA_TYPES =
            Set.of("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml");
    private static final Set<String> EXTENSIONS = Set.of("rss", "atom", "xml");

    @Override
    public boolean reads(SourceDocument document) {
        return MEDIA_TYPES.contains(document.mediaType())
                || (document.mediaType().isEmpty() && EXTENSIONS.contains(document.extension()));
    }

    @Override
    public void read(SourceDocument document, ArticleSink sink) throws IOException {
        SyndFeed feed;
        byte[] bytes = document.readBounded();
        try (XmlReader xml = document.contentType() == null
                ? new XmlReader(new ByteArrayInputStream(bytes), true)
                : new XmlReader(new ByteArrayInputStream(bytes), document.contentType(), true)) {
            feed = new SyndFeedInput().build(xml);
        } catch (FeedException | IllegalArgumentException | IOException e) {
            // Rome's XmlReader says "IOException" for a truncated prolog or an unknown encoding:
            // the bytes are in memory already, so that is a malformed feed, not a failed read.
            throw new ArticleReadException(
                    document.name() + ": not a valid RSS or Atom feed (" + e.getMessage() + ")", e);
        }
        int index = 0;
        for (SyndEntry entry : feed.getEntries()) {
            index++;
            String link = ArticleParts.blankToNull(entry.getLink());
            String item = document.name() + " entry " + index + (link == null ? "" : " (" + link + ")");
            try {
                sink.accept(
                        item,
                        ArticleParts.assemble(
                                entry.getTitle(),
                                HtmlText.ofFragment(body(entry)),
                                link,
                                feed.getTitle(),
                                instant(
                                        entry.getPublishedDate() != null
                                                ? entry.getPublishedDate()
                                                : entry.getUpdatedDate()),
                                entry.getAuthor()));
            } catch (IllegalArgumentException e) {
                sink.reject(item, e.getMessage());
            }
        }
    }

    private static String body(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return content.getValue();
            }
        }
        return entry.getDescription() == null || entry.getDescription().getValue() == null
                ? ""
                : entry.getDescription().getValue();
    }

    private static OffsetDateTime instant(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
