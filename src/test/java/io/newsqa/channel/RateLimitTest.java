package io.newsqa.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2025-08-01T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();

    @Test
    void allowsTheAllowanceThenRefusesUntilThePeriodEnds() {
        RateLimit<String> limit = new RateLimit<>(3, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAcquire("reader")).isInstanceOf(RateLimit.Allowed.class);
        }
        clock.advance(Duration.ofSeconds(20));

        assertThat(limit.tryAcquire("reader")).isEqualTo(new RateLimit.Refused(40, true));

        clock.advance(Duration.ofSeconds(40));
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAcquire("reader"))
                    .as("the whole allowance is back once the period has ended")
                    .isInstanceOf(RateLimit.Allowed.class);
        }
        assertThat(limit.tryAcquire("reader")).isInstanceOf(RateLimit.Refused.class);
    }

    @Test
    void eachClientHasItsOwnAllowance() {
        RateLimit<Long> limit = new RateLimit<>(1, Duration.ofMinutes(1), clock);

        assertThat(limit.tryAcquire(7L)).isInstanceOf(RateLimit.Allowed.class);
        assertThat(limit.tryAcquire(7L)).isInstanceOf(RateLimit.Refused.class);
        assertThat(limit.tryAcquire(8L)).isInstanceOf(RateLimit.Allowed.class);
    }

    @Test
    void onlyTheFirstRefusalAfterAnAllowedRequestIsToBeTold() {
        RateLimit<String> limit = new RateLimit<>(1, Duration.ofMinutes(1), clock);
        limit.tryAcquire("reader");

        assertThat(((RateLimit.Refused) limit.tryAcquire("reader")).firstSinceAllowed())
                .isTrue();
        assertThat(((RateLimit.Refused) limit.tryAcquire("reader")).firstSinceAllowed())
                .isFalse();
        assertThat(((RateLimit.Refused) limit.tryAcquire("reader")).firstSinceAllowed())
                .isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(limit.tryAcquire("reader")).isInstanceOf(RateLimit.Allowed.class);
        assertThat(((RateLimit.Refused) limit.tryAcquire("reader")).firstSinceAllowed())
                .as("a new flood after an answer is told again")
                .isTrue();
    }

    @Test
    void theWaitIsAtLeastOneSecond() {
        RateLimit<String> limit = new RateLimit<>(1, Duration.ofSeconds(10), clock);
        limit.tryAcquire("reader");
        clock.advance(Duration.ofMillis(9_990));

        assertThat(limit.tryAcquire("reader")).isEqualTo(new RateLimit.Refused(1, true));
    }

    @Test
    void zeroRequestsTurnsTheLimitOff() {
        RateLimit<String> limit = new RateLimit<>(0, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 1_000; i++) {
            assertThat(limit.tryAcquire("reader")).isInstanceOf(RateLimit.Allowed.class);
        }
    }

    @Test
    void manyClientsDoNotKeepBucketsThatAreFullAgain() {
        RateLimit<Integer> limit = new RateLimit<>(2, Duration.ofSeconds(1), clock);
        for (int client = 0; client < 20_000; client++) {
            limit.tryAcquire(client);
        }
        clock.advance(Duration.ofSeconds(1));

        limit.tryAcquire(-1);
        assertThat(limit.clientsKept()).as("only the client just counted").isEqualTo(1);

        limit.tryAcquire(0);
        assertThat(limit.tryAcquire(0))
                .as("a forgotten client starts with a full allowance")
                .isInstanceOf(RateLimit.Allowed.class);
        assertThat(limit.tryAcquire(0)).isInstanceOf(RateLimit.Refused.class);
    }

    @Test
    void aNegativeAllowanceOrAnEmptyPeriodIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> new RateLimit<String>(-1, Duration.ofMinutes(1), clock))
                .hasMessageContaining("e.g. 20 requests per 1m");
        assertThatThrownBy(() -> new RateLimit<String>(5, Duration.ZERO, clock))
                .hasMessageContaining("positive period");
    }
}
