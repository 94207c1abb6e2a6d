package io.newsqa.ingest.source;

import java.io.FilterInputStream;
import java.io.InputStream;

/**
 * Lets a reader wrap and close a stream that belongs to its caller: a ZIP entry's stream is the
 * ZIP's own, and closing it would end the archive before its next entry.
 */
final class UncloseableStream extends FilterInputStream {

    UncloseableStream(InputStream in) {
        super(in);
    }

    @Override
    public void close() {
        // the caller closes the underlying stream
    }
}
