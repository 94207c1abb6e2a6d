package io.newsqa.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most N questions per user in any sliding window (say 5 a minute), so that one user cannot
 * keep the answerer busy for everyone. A refused user is told once per window, not on every
 * message, so the bot does not answer flooding with flooding.
 */
final class UserRateLimiter {

    /** What a user may do now. */
    enum Verdict {
        ALLOWED,
        REFUSED_TELL,
        REFUSED_QUIET
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<Long, Window> users = new ConcurrentHashMap<>();

    UserRateLimiter(TelegramProperties.RateLimit settings, Clock clock) {
        if (settings.questions() < 1
                || settings.per().isNegative()
                || settings.per().isZero()) {
            throw new IllegalStateException(
                    "newsqa.telegram.rate-limit needs questions >= 1 and a positive 'per' duration,"
                            + " e.g. questions: 5, per: 1m.");
        }
        this.limit = settings.questions();
        this.window = settings.per();
        this.clock = clock;
    }

    Verdict tryAcquire(long userId) {
        Instant now = clock.instant();
        Window user = users.computeIfAbsent(userId, id -> new Window());
        synchronized (user) {
            while (!user.asked.isEmpty() && !user.asked.peekFirst().plus(window).isAfter(now)) {
                user.asked.pollFirst();
            }
            if (user.asked.size() < limit) {
                user.asked.addLast(now);
                user.told = false;
                return Verdict.ALLOWED;
            }
            if (user.told) {
                return Verdict.REFUSED_QUIET;
            }
            user.told = true;
            return Verdict.REFUSED_TELL;
        }
    }

    /** Seconds until the user may ask again (at least 1). */
    long secondsToWait(long userId) {
        Window user = users.get(userId);
        if (user == null) {
            return 1;
        }
        synchronized (user) {
            Instant oldest = user.asked.peekFirst();
            if (oldest == null) {
                return 1;
            }
            long millis = Duration.between(clock.instant(), oldest.plus(window)).toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    int limit() {
        return limit;
    }

    long windowSeconds() {
        return window.toSeconds();
    }

    private static final class Window {
        final Deque<Instant> asked = new ArrayDeque<>();
        boolean told;
    }
}
