package io.newsqa.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the web channel ({@code newsqa.web.*}); defaults and comments in
 * {@code application.yml}.
 *
 * @param allowedOrigins sites allowed to call the public API from a browser (the widget's host
 *                       pages), e.g. {@code https://news.example}; empty: same origin only
 * @param rateLimit      questions per client address
 * @param searchRateLimit searches per client address (default 120 per minute)
 * @param streamTimeout  how long a streamed answer may take, the wait for its first event
 *                       included, before the stream is closed
 * @param requestLimits  the largest request bodies read, and how long their arrival may take
 * @param maxRequestsPerClient requests in progress per client address at most
 */
@ConfigurationProperties("newsqa.web")
public record WebProperties(
        List<String> allowedOrigins,
        @DefaultValue RateLimit rateLimit,
        RateLimit searchRateLimit,
        @DefaultValue("60s") Duration streamTimeout,
        @DefaultValue RequestLimits requestLimits,
        @DefaultValue("20") int maxRequestsPerClient) {

    /** Searches are cheaper than questions; the limit only keeps one address from flooding. */
    static final RateLimit DEFAULT_SEARCH_RATE_LIMIT = new RateLimit(120, Duration.ofMinutes(1));

    public WebProperties {
        searchRateLimit = searchRateLimit == null ? DEFAULT_SEARCH_RATE_LIMIT : searchRateLimit;
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::strip)
                        .filter(origin -> !origin.isEmpty())
                        .toList();
        if (maxRequestsPerClient < 1) {
            throw new IllegalArgumentException(
                    "newsqa.web.max-requests-per-client must be 1 or more, not " + maxRequestsPerClient);
        }
    }

    /**
     * At most {@code requests} questions per client address in each window of {@code window};
     * {@code requests} 0 turns the limit off.
     */
    public record RateLimit(
            @DefaultValue("20") int requests,
            @DefaultValue("1m") Duration window) {

        public RateLimit {
            if (requests < 0) {
                throw new IllegalArgumentException(
                        "newsqa.web.rate-limit.requests must be 0 (off) or more, not " + requests);
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("newsqa.web.rate-limit.window must be positive, not " + window);
            }
        }
    }

    /**
     * Request bodies over these sizes are refused with 413 before they are read into memory; a
     * body that has not arrived within its time is cut off with 408.
     *
     * @param maxRequestSize        questions, searches, webhook updates: anything but articles
     * @param maxArticleRequestSize {@code POST /api/articles} and {@code /api/admin/articles}
     * @param maxRequestTime        how long the body of a request may take to arrive
     * @param maxArticleRequestTime the same for article uploads
     */
    public record RequestLimits(
            @DefaultValue("64KB") DataSize maxRequestSize,
            @DefaultValue("20MB") DataSize maxArticleRequestSize,
            @DefaultValue("10s") Duration maxRequestTime,
            @DefaultValue("2m") Duration maxArticleRequestTime) {

        public RequestLimits {
            for (Duration time : new Duration[] {maxRequestTime, maxArticleRequestTime}) {
                if (time.isNegative() || time.isZero() || time.toMillis() > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(
                            "newsqa.web.request-limits.max-*-time must be positive, not " + time);
                }
            }
        }
    }
}
