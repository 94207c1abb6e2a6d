package io.newsqa.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsqa.ingest.article.ArticleReadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/**
 * HTML article pages: the main text is found by Readability4J (a port of Mozilla's Readability,
 * the engine of Firefox's reader view), so menus, teasers and footers stay out. The publication
 * date comes from {@code article:published_time}, {@code itemprop=datePublished} or JSON-LD
 * {@code datePublished}, with its offset; a page that gives none gets none.
 */
public final class HtmlPageReader implements SourceReader {

    /** Below this many characters of main text, a page is a listing, a login wall or an error page. */
    static final int MIN_ARTICLE_CHARS = 200;
    /**
     * Real article pages nest elements a few dozen deep. Readability's cost grows with depth times
     * size (it re-reads the text under every candidate), so a page nested thousands deep would
     * hold an ingest thread for minutes: such pages are refused.
     */
    static final int MAX_ELEMENT_DEPTH = 256;

    private static final Set<String> EXTENSIONS = Set.of("html", "htm", "xhtml");
    private static final Pattern CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper json = new ObjectMapper();
    private final ZoneId zoneForLocalTimes;

    public HtmlPageReader(ZoneId zoneForLocalTimes) {
        this.zoneForLocalTimes = zoneForLocalTimes;
    }

    @Override
    public boolean reads(SourceDocument document) {
        return document.mediaType().equals("text/html")
                || document.mediaType().equals("application/xhtml+xml")
                || (document.mediaType().isEmpty() && EXTENSIONS.contains(document.extension()));
    }

    @Override
    public void read(SourceDocument document, ArticleSink sink) throws IOException {
        byte[] bytes = document.readBounded();
        String charset = declaredCharset(document.contentType(), bytes);
        if (charset != null && !isSupported(charset)) {
            throw new ArticleReadException(document.name() + ": declares the unknown charset \"" + charset
                    + "\"; fix the declaration or convert the page to UTF-8");
        }
        if (charset == null && !isUtf8(bytes)) {
            throw new ArticleReadException(document.name() + ": not valid UTF-8 and no charset declared; "
                    + "add <meta charset=\"...\"> or convert it to UTF-8 first");
        }
        boolean fetched = SourceReaders.isUrl(document.name());
        // Readability resolves relative links against the base; a file gets its file: URI.
        String baseUri = fetched
                ? document.name()
                : new java.io.File(document.name()).toURI().toString();
        Document page = Jsoup.parse(new ByteArrayInputStream(bytes), charset, baseUri);
        if (nestedDeeperThan(page, MAX_ELEMENT_DEPTH)) {
            throw new ArticleReadException(
                    document.name() + ": elements nested over " + MAX_ELEMENT_DEPTH + " deep; not an article page");
        }
        // Read the metadata before Readability, which rewrites the document.
        String url = firstNonBlank(
                attr(page, "link[rel=canonical]", "abs:href"),
                attr(page, "meta[property=og:url]", "content"),
                fetched ? document.name() : null);
        String headline = page.select("h1").size() == 1 ? page.selectFirst("h1").text() : null;
        String siteName = attr(page, "meta[property=og:site_name]", "content");
        String ogTitle = attr(page, "meta[property=og:title]", "content");
        String author = firstNonBlank(
                attr(page, "meta[name=author]", "content"), attr(page, "meta[property=article:author]", "content"));
        OffsetDateTime published;
        try {
            published = PublicationDates.parse(publishedTime(page), zoneForLocalTimes);
        } catch (IllegalArgumentException e) {
            throw new ArticleReadException(document.name() + ": publication date " + e.getMessage(), e);
        }
        Article article = new Readability4JExtended(baseUri, page).parse();
        Element content = article.getArticleContent();
        String text = content == null ? "" : HtmlText.of(content);
        if (text.strip().length() < MIN_ARTICLE_CHARS) {
            throw new ArticleReadException(document.name() + ": no article text found in the page (is it a front page, "
                    + "a listing or an error page?); give the address of one article");
        }
        // og:title and a single h1 are the headline; the page title usually adds the site's name.
        String title = firstNonBlank(ogTitle, headline, article.getTitle(), page.title());
        try {
            sink.accept(
                    url == null
                            ? document.name()
                            : document.name() + (url.equals(document.name()) ? "" : " (" + url + ")"),
                    ArticleParts.assemble(
                            title, text, url, siteName, published, firstNonBlank(author, article.getByline())));
        } catch (IllegalArgumentException e) {
            throw new ArticleReadException(document.name() + ": " + e.getMessage(), e);
        }
    }

    private String publishedTime(Document page) {
        String meta = firstNonBlank(
                attr(page, "meta[property=article:published_time]", "content"),
                attr(page, "meta[itemprop=datePublished]", "content"),
                attr(page, "meta[name=pubdate]", "content"));
        if (meta != null) {
            return meta;
        }
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                JsonNode found = json.readTree(script.data()).findValue("datePublished");
                if (found != null && found.isTextual()) {
                    return found.asText();
                }
            } catch (IOException malformed) {
                // pages often carry broken JSON-LD; the other sources of a date were tried already
            }
        }
        return null;
    }

    /** The charset of the HTTP header, else of a meta tag in the first kilobytes, else null. */
    private static String declaredCharset(String contentType, byte[] bytes) {
        if (contentType != null) {
            Matcher header = CHARSET.matcher(contentType);
            if (header.find()) {
                return header.group(1);
            }
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        Matcher meta = CHARSET.matcher(head);
        return head.contains("<meta") && meta.find() ? meta.group(1) : null;
    }

    private static boolean isSupported(String charset) {
        try {
            return java.nio.charset.Charset.isSupported(charset);
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            return false;
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean nestedDeeperThan(Document page, int limit) {
        boolean[] deeper = {false};
        page.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (depth > limit) {
                    deeper[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }
        });
        return deeper[0];
    }

    private static String attr(Document page, String selector, String attribute) {
        Element element = page.selectFirst(selector);
        return element == null ? null : ArticleParts.blankToNull(element.attr(attribute));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
