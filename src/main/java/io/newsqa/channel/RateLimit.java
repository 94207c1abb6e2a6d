package io.newsqa.channel;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most N requests per client in each period, one Bucket4j token bucket per client, for any
 * channel (a web address, a Telegram user). The whole allowance comes back at the end of each
 * period (interval refill), so what a refused reader is told, "N questions every period", is
 * exactly the rule applied. One node, no shared store: behind several instances each counts its
 * own share.
 *
 * @param <K> what identifies a client
 */
public final class RateLimit<K> {

    /**
     * Above this many clients, buckets that are full again (as good as new) are forgotten, at most
     * once a period, so that a flood of new clients does not make every request scan them all.
     */
    private static final int FORGET_FULL_ABOVE = 10_000;

    /** Whether a request may go ahead; when refused, how long to wait and whether to say so. */
    public sealed interface Decision {}

    /** The request may go ahead. */
    public record Allowed() implements Decision {}

    /**
     * The request is over the limit.
     *
     * @param secondsToWait until the next request would be allowed, at least 1 (for {@code Retry-After})
     * @param firstSinceAllowed true for the first refusal after an allowed request: a channel that
     *     answers in a chat tells the reader once, not on every message of a flood
     */
    public record Refused(long secondsToWait, boolean firstSinceAllowed) implements Decision {}

    private record Client(Bucket bucket, AtomicBoolean refused) {}

    private final int requests;
    private final Duration period;
    private final TimeMeter time;
    private final Map<K, Client> clients = new ConcurrentHashMap<>();
    private final AtomicLong nextForgetNanos = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param requests allowed per client in each period; 0 turns the limit off
     * @param period the period, positive
     * @param clock the time it is read from (tests move it)
     */
    public RateLimit(int requests, Duration period, Clock clock) {
        if (requests < 0 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs requests >= 0 (0 turns it off) and a positive"
                    + " period, e.g. 20 requests per 1m; got " + requests + " per " + period + ".");
        }
        this.requests = requests;
        this.period = period;
        this.time = new ClockTime(clock);
    }

    /** Counts one request of this client. */
    public Decision tryAcquire(K client) {
        if (requests == 0) {
            return new Allowed();
        }
        forgetFullBucketsWhenMany();
        Client state = clients.computeIfAbsent(client, key -> new Client(newBucket(), new AtomicBoolean()));
        ConsumptionProbe probe = state.bucket().tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            state.refused().set(false);
            return new Allowed();
        }
        boolean first = !state.refused().getAndSet(true);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L);
        return new Refused(Math.max(1, seconds), first);
    }

    /** Requests allowed in each period (0: no limit). */
    public int requests() {
        return requests;
    }

    public Duration period() {
        return period;
    }

    /** Clients whose buckets are kept now (for the test that full ones are forgotten). */
    int clientsKept() {
        return clients.size();
    }

    private void forgetFullBucketsWhenMany() {
        if (clients.size() <= FORGET_FULL_ABOVE) {
            return;
        }
        long now = time.currentTimeNanos();
        long due = nextForgetNanos.get();
        if (now >= due && nextForgetNanos.compareAndSet(due, now + period.toNanos())) {
            clients.values().removeIf(c -> c.bucket().getAvailableTokens() >= requests);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(requests).refillIntervally(requests, period))
                .withCustomTimePrecision(time)
                .build();
    }

    /** Bucket4j reads time through this, so that tests can move the clock. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(clock.millis());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
