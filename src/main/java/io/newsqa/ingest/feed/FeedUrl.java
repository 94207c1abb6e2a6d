package io.newsqa.ingest.feed;

import io.newsqa.ingest.source.FetchAddressPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed address as registered: an absolute http or https URL with a host, not naming an address
 * the fetch policy refuses by its form alone (a loopback, private or link-local literal, a numeric
 * host in octal or one number). Names are resolved and checked at each poll.
 */
public record FeedUrl(String value) {

    /** Longer addresses are not feed URLs but pasted text. */
    static final int MAX_LENGTH = 2048;

    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@]*@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "([?&;][^=&#]*(?:key|token|secret|password|passwd|pass|sig|signature|auth)[^=&#]*)=[^&#]*",
            Pattern.CASE_INSENSITIVE);

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
            throw new IllegalArgumentException(
                    "The feed URL is missing; send an http(s) address such as https://news.example/rss.xml.");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "The feed URL is " + trimmed.length() + " characters long; at most " + MAX_LENGTH + " are taken.");
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
            throw new IllegalArgumentException(
                    "'" + trimmed + "' has no host; send a full address such as https://news.example/rss.xml.");
        }
        String refused = addresses.refusedLiteral(uri);
        if (refused != null) {
            throw new IllegalArgumentException(
                    "'" + trimmed + "' is refused: " + refused + "; only public addresses are"
                            + " fetched (allow an intranet host with newsqa.fetch.allowed-hosts).");
        }
        return new FeedUrl(trimmed);
    }

    /**
     * The address with its credentials hidden, for logs and lists: the user and password before the
     * host, and the values of query parameters whose names say key, token, secret, password,
     * signature or auth.
     */
    public static String masked(String url) {
        Matcher userInfo = USER_INFO.matcher(url);
        String masked = userInfo.find() ? userInfo.replaceFirst("$1***@") : url;
        return SECRET_PARAMETER.matcher(masked).replaceAll("$1=***");
    }

    /** The text with each occurrence of the address in it masked. */
    static String maskedIn(String text, String url) {
        return text == null ? null : text.replace(url, masked(url));
    }

    @Override
    public String toString() {
        return masked(value);
    }
}
