package io.newsqa.retrieve.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** "Now" at the newest article, looked up once a minute, the real time for an archive without dates. */
class LatestArticleClockTest {

    static final class SettableClock extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void nowIsTheNewestArticleLookedUpAgainOnlyAfterTheRefresh() {
        SettableClock real = new SettableClock();
        AtomicReference<Optional<OffsetDateTime>> newest = new AtomicReference<>(Optional.empty());
        AtomicInteger lookups = new AtomicInteger();
        Clock clock = ReferenceClock.of("latest-article", "UTC", () -> {
            lookups.incrementAndGet();
            return newest.get();
        });
        assertThat(clock).isInstanceOf(LatestArticleClock.class);
        clock = new LatestArticleClock(
                () -> {
                    lookups.incrementAndGet();
                    return newest.get();
                },
                real,
                Duration.ofMinutes(1));

        assertThat(clock.instant()).as("no dated article: the real time").isEqualTo(real.now);
        newest.set(Optional.of(OffsetDateTime.parse("2015-08-11T09:00:00+03:00")));
        real.now = real.now.plusSeconds(30);
        assertThat(clock.instant()).as("within the minute: not asked again").isEqualTo(real.now);
        real.now = real.now.plusSeconds(31);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2015-08-11T06:00:00Z"));
        assertThat(lookups).hasValue(2);
    }
}
