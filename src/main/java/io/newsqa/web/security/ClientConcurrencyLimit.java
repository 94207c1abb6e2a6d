package io.newsqa.web.security;

import io.newsqa.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most N requests in progress per client address, so that one client cannot take all worker
 * threads (with slow bodies, each held up to the body time limit). The next one gets 429 at once,
 * unread, and its connection is closed. A streamed answer counts until its stream has started
 * (it holds no worker thread while it streams). The address is the connection's unless
 * {@code server.forward-headers-strategy=native} is set behind a reverse proxy.
 */
public final class ClientConcurrencyLimit extends OncePerRequestFilter {

    private final int max;
    private final Map<String, Integer> inProgress = new ConcurrentHashMap<>();

    public ClientConcurrencyLimit(int max) {
        this.max = max;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        if (inProgress.merge(client, 1, Integer::sum) > max) {
            release(client);
            response.setHeader("Retry-After", "1");
            ProblemResponses.write(
                    request,
                    response,
                    429,
                    "Too many requests at once",
                    "At most " + max
                            + " requests from one address are answered at a time; wait for the others to finish"
                            + " (newsqa.web.max-requests-per-client).");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            release(client);
        }
    }

    private void release(String client) {
        inProgress.computeIfPresent(client, (key, count) -> count == 1 ? null : count - 1);
    }
}
