package io.newsqa.ingest.feed;

/**
 * What a server said identifies its current copy of a feed ({@code ETag}, {@code Last-Modified});
 * sent back on the next poll so an unchanged feed costs a 304 and no parsing. Either may be null.
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);
}
