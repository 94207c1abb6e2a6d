package io.newsqa.web;

/** A client asked more questions than the rate limit allows; it may ask again after a while. */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    RateLimitedException(long retryAfterSeconds, int requests, java.time.Duration window) {
        super("At most " + requests + " questions per " + describe(window) + " are answered for one address."
                + " Ask again in " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    private static String describe(java.time.Duration window) {
        long seconds = window.toSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + " min" : seconds + " s";
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
