package io.newsqa.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Says {@code Connection: close} on an answer that starts before its request's body was read to
 * the end: {@link UnreadBodyValve} closes such a connection rather than drain it, and the header
 * tells the client to send its next request on a new one (RFC 9112, section 9.6). It is set when
 * the answer's body is first asked for, while the headers can still change.
 */
public final class UnreadBodyHeader extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, UnreadBodyValve.hasBody(request) ? new Response(request, response) : response);
    }

    private static final class Response extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        Response(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            closeIfUnread();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            closeIfUnread();
            return super.getWriter();
        }

        private void closeIfUnread() throws IOException {
            if (!isCommitted() && !request.getInputStream().isFinished()) {
                setHeader("Connection", "close");
            }
        }
    }
}
