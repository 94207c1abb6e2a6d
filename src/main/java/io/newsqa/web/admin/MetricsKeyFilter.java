package io.newsqa.web.admin;

import io.newsqa.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} only with the admin key: the metrics show the data path, free disk,
 * the JVM and administration traffic. (Actuator endpoints are not reached by Spring MVC's
 * interceptors, so the key is checked here.) Health stays public for load balancers.
 */
public final class MetricsKeyFilter extends OncePerRequestFilter {

    private final AdminKeyInterceptor keys;

    public MetricsKeyFilter(AdminKeyInterceptor keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            keys.check(request);
        } catch (AdminAccessException e) {
            if (e.status() == HttpStatus.UNAUTHORIZED) {
                response.setHeader(
                        HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + AdminKeyInterceptor.HEADER + "\"");
            }
            ProblemResponses.write(request, response, e.status().value(), e.title(), e.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }
}
