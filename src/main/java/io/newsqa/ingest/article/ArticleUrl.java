package io.newsqa.ingest.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An article's link as stored: an absolute http(s) address or none. The widget and the admin page
 * show it as a link, so a {@code javascript:} or {@code data:} address would run in the reader's
 * browser; every ingest path (text, JSON, pages, feeds) refuses such an article with the reason.
 */
public final class ArticleUrl {

    private ArticleUrl() {}

    /**
     * @return the value, or {@code null} when it is {@code null}
     * @throws IllegalArgumentException when it is not an absolute http(s) address
     */
    public static String check(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "url: \"" + value + "\" is not an http(s) address such as https://example.org/news/1");
    }
}
