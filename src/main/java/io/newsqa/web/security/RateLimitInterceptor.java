package io.newsqa.web.security;

import io.newsqa.channel.RateLimit;
import io.newsqa.web.WebProperties;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A per-address limit on questions (answering is the expensive call) or on searches. The address
 * is the connection's; behind a reverse proxy, set {@code server.forward-headers-strategy=native} so it
 * is the reader's and not the proxy's.
 */
public final class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimit<String> limiter;
    private final WebProperties.RateLimit settings;
    private final String what;

    /** @param what what is limited, plural, for the message: "questions", "searches" */
    public RateLimitInterceptor(WebProperties.RateLimit settings, Clock clock, String what) {
        this.settings = settings;
        this.what = what;
        this.limiter = new RateLimit<>(settings.requests(), settings.window(), clock);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // A streamed answer's request comes back through the interceptors when its stream starts
        // and when it ends (async dispatches): only its arrival counts.
        if (CorsUtils.isPreFlightRequest(request) || request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        if (limiter.tryAcquire(request.getRemoteAddr()) instanceof RateLimit.Refused refused) {
            throw new RateLimitedException(refused.secondsToWait(), settings.requests(), settings.window(), what);
        }
        return true;
    }
}
