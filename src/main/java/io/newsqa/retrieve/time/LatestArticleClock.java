package io.newsqa.retrieve.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Now" at the newest article's publication time, for an archive of past news: "yesterday" on a
 * 2015 archive is the day before its last article, not a day in which it has nothing. The newest
 * date is looked up at most once per {@code refresh} (articles arrive by ingest runs and feed polls,
 * not by the second); an archive without dated articles reads time words against the real clock.
 */
public final class LatestArticleClock extends Clock {

    /** The value of {@code newsqa.retrieval.time.now} that selects it. */
    public static final String SETTING = "latest-article";

    private final Supplier<Optional<OffsetDateTime>> newest;
    private final Clock real;
    private final Duration refresh;
    private volatile Instant checkedAt;
    private volatile Instant cached;

    public LatestArticleClock(Supplier<Optional<OffsetDateTime>> newest, Clock real, Duration refresh) {
        this.newest = newest;
        this.real = real;
        this.refresh = refresh;
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new LatestArticleClock(newest, real.withZone(zone), refresh);
    }

    @Override
    public Instant instant() {
        Instant now = real.instant();
        Instant checked = checkedAt;
        if (checked == null || !now.isBefore(checked.plus(refresh))) {
            cached = newest.get().map(OffsetDateTime::toInstant).orElse(null);
            checkedAt = now;
        }
        Instant latest = cached;
        return latest != null ? latest : now;
    }
}
