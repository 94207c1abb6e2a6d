package io.newsqa.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most N requests per client in each fixed window of time. Simple on purpose: one node, no
 * shared store; it keeps a few bytes per client seen in the current window and forgets the rest.
 */
final class FixedWindowRateLimiter {

    /** Above this many clients, windows that have ended are swept out on the next request. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Window(long startMillis, int count) {}

    private final int requests;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    FixedWindowRateLimiter(int requests, Duration window, Clock clock) {
        this.requests = requests;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /**
     * Counts a request of this client.
     *
     * @return empty when the request may go ahead, else the seconds until the client's window
     * ends (at least 1), for {@code Retry-After}
     */
    OptionalLong tryAcquire(String client) {
        if (requests == 0) {
            return OptionalLong.empty();
        }
        long now = clock.millis();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(window -> now - window.startMillis() >= windowMillis);
        }
        Window window = windows.compute(
                client,
                (key, current) -> current == null || now - current.startMillis() >= windowMillis
                        ? new Window(now, 1)
                        : new Window(current.startMillis(), current.count() + 1));
        if (window.count() <= requests) {
            return OptionalLong.empty();
        }
        long remainingMillis = window.startMillis() + windowMillis - now;
        return OptionalLong.of(Math.max(1, (remainingMillis + 999) / 1000));
    }
}
