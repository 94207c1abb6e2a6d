package io.newsqa.web.security;

/** A client asked more questions (or searches) than the rate limit allows; it may ask again after a while. */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    private final String what;

    /** @param what what is limited, plural: "questions", "searches" */
    RateLimitedException(long retryAfterSeconds, int requests, java.time.Duration window, String what) {
        super("At most " + requests + " " + what + " per " + describe(window) + " are answered for one address."
                + " Ask again in " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
        this.what = what;
    }

    /** What was limited, plural. */
    public String what() {
        return what;
    }

    private static String describe(java.time.Duration window) {
        long seconds = window.toSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + " min" : seconds + " s";
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
