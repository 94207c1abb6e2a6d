package io.newsqa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 before they are read into memory: a declared
 * {@code Content-Length} over it is answered at once; a body sent without one (chunked) is
 * counted as it is read and cut off at the limit ({@link RequestTooLargeException}, answered by
 * {@link ApiErrors}). Article uploads have their own, larger limit.
 */
final class RequestSizeLimit extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebProperties.RequestLimits limits;

    RequestSizeLimit(WebProperties.RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(declared < 0 ? new CountedRequest(request, limit) : request, response);
    }

    private long limitFor(String path) {
        boolean articles = path.equals("/api/articles") || path.startsWith("/api/admin/articles");
        return (articles ? limits.maxArticleRequestSize() : limits.maxRequestSize()).toBytes();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        ObjectNode problem = JSON.createObjectNode().put("type", "about:blank").put("title", "Request too large")
                .put("status", 413).put("detail", RequestTooLargeException.detail(limit))
                .put("instance", request.getRequestURI());
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // The body is not read: the connection cannot carry another request after it.
        response.setHeader("Connection", "close");
        JSON.writeValue(response.getOutputStream(), problem);
    }

    /** A body over the limit, found while reading one sent without a declared length. */
    static final class RequestTooLargeException extends RuntimeException {

        RequestTooLargeException(long limit) {
            super(detail(limit));
        }

        static String detail(long limit) {
            return "The request body is over the " + DataSize.ofBytes(limit).toKilobytes() + " KB limit. "
                    + "Send fewer or shorter articles per request (newsqa.web.request-limits.*).";
        }
    }

    /** The request whose body stream stops the read once the limit is passed. */
    private static final class CountedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream counted;

        CountedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountedStream(super.getInputStream(), limit);
            }
            return counted;
        }
    }

    private static final class CountedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new RequestTooLargeException(limit);
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
