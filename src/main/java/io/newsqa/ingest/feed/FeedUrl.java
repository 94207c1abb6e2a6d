package io.newsqa.ingest.feed;

import io.newsqa.ingest.source.FetchAddressPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A feed address as registered: an absolute http or https URL with a host, not naming an address
 * the fetch policy refuses by its form alone (a loopback, private or link-local literal, a numeric
 * host in octal or one number). Names are resolved and checked at each poll.
 */
public record FeedUrl(String value) {

    /** Longer addresses are not feed URLs but pasted text. */
    static final int MAX_LENGTH = 2048;

    /**
     * @throws IllegalArgumentException saying what is wrong and what to send instead
     */
    public static FeedUrl parse(String text) {
        return parse(text, FetchAddressPolicy.publicOnly());
    }

    /**
     * @param addresses the addresses feeds may be fetched from
     * @throws IllegalArgumentException saying what is wrong and what to send instead
     */
    public static FeedUrl parse(String text, FetchAddressPolicy addresses) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The feed URL is missing; send an http(s) address such as https://news.example/rss.xml.");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The feed URL is " + trimmed.length() + " characters long; at most " + MAX_LENGTH + " are taken.");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a valid URL (" + e.getReason()
                    + "); send an http(s) address such as https://news.example/rss.xml.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an http or https URL; feeds are fetched over"
                    + " HTTP(S) only (for a feed file use `newsqa ingest FILE`).");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("'" + trimmed + "' has no host; send a full address such as https://news.example/rss.xml.");
        }
        String refused = addresses.refusedLiteral(uri);
        if (refused != null) {
            throw new IllegalArgumentException("'" + trimmed + "' is refused: " + refused + "; only public addresses are"
                    + " fetched (allow an intranet host with newsqa.fetch.allowed-hosts).");
        }
        return new FeedUrl(trimmed);
    }

    @Override
    public String toString() {
        return value;
    }
}
