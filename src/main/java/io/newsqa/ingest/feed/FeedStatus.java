package io.newsqa.ingest.feed;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How a feed's last poll went. */
public enum FeedStatus {
    /** Fetched and read; its new entries are stored. */
    OK("ok"),
    /** The server answered 304 Not Modified: nothing new, nothing parsed. */
    NOT_MODIFIED("not-modified"),
    /** Unreachable, an HTTP error, or not a readable feed; retried later with backoff. */
    ERROR("error");

    private final String code;

    FeedStatus(String code) {
        this.code = code;
    }

    /** The word stored and shown in the API. */
    @JsonValue
    public String code() {
        return code;
    }

    static FeedStatus ofCode(String code) {
        return code == null
                ? null
                : Arrays.stream(values())
                        .filter(s -> s.code.equals(code))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("unknown feed status '" + code + "'"));
    }
}
