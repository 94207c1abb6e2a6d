package io.newsqa.ingest;

/** What ingesting one article did to the archive. */
public enum IngestOutcome {
    /** A new article was stored. */
    ADDED,
    /** An article with the same URL was stored before and its text changed: replaced. */
    UPDATED,
    /** The same article is already stored: nothing written. */
    UNCHANGED,
    /** Another article with identical text is already stored: nothing written. */
    DUPLICATE,
    /** Another ingest (another app instance) is storing this very text right now: left to it. */
    ELSEWHERE
}
