package io.newsqa.retrieve.time;

import java.time.OffsetDateTime;

/**
 * What the search did about time, shown to users so they understand why results were filtered or
 * ordered as they are.
 *
 * @param from        inclusive start of the publication window, or {@code null}
 * @param to          exclusive end of the publication window, or {@code null}
 * @param reason      the question's words that set it ("yesterday", "الاسبوع الماضي", "latest"), or
 *                    {@value #REQUEST} when the window is the request's own from/to
 * @param newestFirst whether a recency prior ranked newer articles higher (only without a window)
 */
public record AppliedFilter(OffsetDateTime from, OffsetDateTime to, String reason, boolean newestFirst) {

    public static final String REQUEST = "request";
}
