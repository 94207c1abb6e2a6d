package io.newsqa.web.security;

import io.newsqa.web.ProblemResponses;
import io.newsqa.web.WebProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits on request bodies, in size and in time. A declared {@code Content-Length} over the size
 * limit is answered 413 at once, unread; a body sent without one (chunked) is counted as it is read
 * and cut off at the limit ({@link RequestTooLargeException}). A body must arrive within its time
 * limit, counted from the request's arrival, or the read fails ({@link RequestTooSlowException},
 * 408): a client trickling a byte at a time cannot hold a worker thread for longer. (A read that
 * waits on a silent client is ended by the connector's upload timeout, set to the same limit.)
 * Article uploads have their own, larger limits. Both exceptions are answered by {@code web.config.ApiErrors}.
 */
public final class RequestBodyLimits extends OncePerRequestFilter {

    private final WebProperties.RequestLimits limits;

    public RequestBodyLimits(WebProperties.RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean articles = isArticleUpload(request.getRequestURI());
        long limit = (articles ? limits.maxArticleRequestSize() : limits.maxRequestSize()).toBytes();
        Duration time = articles ? limits.maxArticleRequestTime() : limits.maxRequestTime();
        if (request.getContentLengthLong() > limit) {
            // The body is not read; the connection is closed after this answer (UnreadBodyValve).
            ProblemResponses.write(request, response, 413, "Request too large", RequestTooLargeException.detail(limit));
            return;
        }
        boolean json = isJson(request.getContentType());
        // From the header itself: the request's own encoding is forced to UTF-8 before this filter.
        String charset = json ? charset(request.getContentType()) : null;
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            ProblemResponses.write(
                    request,
                    response,
                    415,
                    "Unsupported Media Type",
                    "JSON is read as UTF-8 only, not " + charset + ": send the body as UTF-8 (charset=utf-8 or none).");
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit, System.nanoTime() + time.toNanos(), time, json), response);
    }

    private static String charset(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).getParameter("charset");
        } catch (InvalidMediaTypeException e) {
            return null; // refused as an unsupported type further on
        }
    }

    private static boolean isJson(String contentType) {
        return contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    private static boolean isArticleUpload(String path) {
        return path.equals("/api/articles") || path.startsWith("/api/admin/articles");
    }

    /** A body over the limit, found while reading one sent without a declared length. */
    public static final class RequestTooLargeException extends RuntimeException {

        RequestTooLargeException(long limit) {
            super(detail(limit));
        }

        static String detail(long limit) {
            return "The request body is over the " + DataSize.ofBytes(limit).toKilobytes() + " KB limit. "
                    + "Send fewer or shorter articles per request (newsqa.web.request-limits.*).";
        }
    }

    /** A body still arriving when its time was up. */
    public static final class RequestTooSlowException extends RuntimeException {

        RequestTooSlowException(Duration time, Throwable cause) {
            super(
                    "The request body did not arrive within " + time.toMillis() / 1000.0
                            + " s; send it whole and at once" + " (newsqa.web.request-limits.max-request-time).",
                    cause);
        }
    }

    /**
     * A JSON body in UTF-16 or UTF-32 (Jackson would detect and read it): the API takes UTF-8 only.
     * JSON begins with an ASCII character, so a zero among its first two bytes, or a UTF-16 byte
     * order mark, says it is not UTF-8.
     */
    public static final class NotUtf8Exception extends RuntimeException {

        NotUtf8Exception() {
            super("The JSON body is not UTF-8 (it looks like UTF-16 or UTF-32): send it as UTF-8.");
        }

        static boolean startsLikeWideJson(int first, int second) {
            return first == 0 || second == 0 || first == 0xfe && second == 0xff || first == 0xff && second == 0xfe;
        }
    }

    /** The request whose body stream stops the read once a limit is passed. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private final long deadlineNanos;
        private final Duration time;
        private final boolean json;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long limit, long deadlineNanos, Duration time, boolean json) {
            super(request);
            this.limit = limit;
            this.deadlineNanos = deadlineNanos;
            this.time = time;
            this.json = json;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream(), limit, deadlineNanos, time, json);
            }
            return limited;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final long deadlineNanos;
        private final Duration time;
        private final boolean json;
        private final byte[] start = new byte[2];
        private long read;

        LimitedStream(ServletInputStream in, long limit, long deadlineNanos, Duration time, boolean json) {
            this.in = in;
            this.limit = limit;
            this.deadlineNanos = deadlineNanos;
            this.time = time;
            this.json = json;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkTime(null);
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException e) {
                // the connector's upload timeout ends a read on a client that sends nothing
                checkTime(e);
                throw e;
            }
            if (n > 0) {
                if (json && read < 2) {
                    checkUtf8Start(buffer, offset, n);
                }
                read += n;
                if (read > limit) {
                    throw new RequestTooLargeException(limit);
                }
                if (read < limit) {
                    checkTime(null);
                }
            }
            return n;
        }

        /** Looks at the body's first two bytes, which may arrive in two reads (Spring reads one first). */
        private void checkUtf8Start(byte[] buffer, int offset, int n) {
            for (int i = 0; i < n && read + i < 2; i++) {
                start[(int) read + i] = buffer[offset + i];
            }
            if (read + n >= 2 && NotUtf8Exception.startsLikeWideJson(start[0] & 0xff, start[1] & 0xff)) {
                throw new NotUtf8Exception();
            }
        }

        private void checkTime(IOException cause) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                throw new RequestTooSlowException(time, cause);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
