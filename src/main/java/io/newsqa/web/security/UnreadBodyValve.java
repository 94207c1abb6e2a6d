package io.newsqa.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection after a request whose body was not read to its end, instead of letting
 * Tomcat drain the rest of it to keep the connection alive. A request refused before its body is
 * read (no key: 401, no such route: 404, wrong media type: 415, too large: 413), cut off (408), or
 * answered without reading all it was sent is answered at once; draining would hold a worker thread
 * for as long as the client takes to send the rest, which a client trickling a byte every few
 * seconds stretches without end (the body time limit covers only what the application reads).
 */
public final class UnreadBodyValve extends ValveBase {

    public UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            // An async request (a streamed answer) read its body before it went async.
            if (!request.isAsync()
                    && hasBody(request)
                    && !request.getCoyoteRequest().isFinished()) {
                // The answer says so when it can (UnreadBodyHeader).
                if (!response.isCommitted()) {
                    response.setHeader("Connection", "close");
                }
                // The answer goes out whole first; marking the request then stops the drain.
                response.finishResponse();
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }

    /** Whether the request announces a body (a length, or chunks). */
    static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }
}
