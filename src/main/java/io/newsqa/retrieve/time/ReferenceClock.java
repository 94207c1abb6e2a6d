package io.newsqa.retrieve.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The clock "yesterday" is counted from: real time, a fixed reference, or the newest article's
 * time ({@value LatestArticleClock#SETTING}) for an archive of past news.
 */
public final class ReferenceClock {

    /** How long the newest article's time is taken as "now" before it is looked up again. */
    static final Duration NEWEST_REFRESH = Duration.ofMinutes(1);

    private ReferenceClock() {}

    /**
     * @param now    empty for the real time; {@value LatestArticleClock#SETTING} for the newest
     *               article's time; else {@code 2015-07-23} (the start of that day in {@code zone})
     *               or {@code 2015-07-23T12:00:00+03:00}
     * @param zone   a zone id such as {@code UTC} or {@code Asia/Riyadh}
     * @param newest the archive's newest publication time, asked only for {@value LatestArticleClock#SETTING}
     */
    public static Clock of(String now, String zone, Supplier<Optional<OffsetDateTime>> newest) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "newsqa.retrieval.time.zone is \"" + zone
                            + "\", which is not a time zone: use an id such as UTC or Asia/Riyadh.",
                    e);
        }
        if (now == null || now.isBlank()) {
            return Clock.system(zoneId);
        }
        if (LatestArticleClock.SETTING.equals(now.strip())) {
            return new LatestArticleClock(newest, Clock.system(zoneId), NEWEST_REFRESH);
        }
        try {
            return Clock.fixed(LocalDate.parse(now.strip()).atStartOfDay(zoneId).toInstant(), zoneId);
        } catch (DateTimeParseException notADay) {
            try {
                return Clock.fixed(OffsetDateTime.parse(now.strip()).toInstant(), zoneId);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "newsqa.retrieval.time.now is \"" + now
                                + "\", which is not a date: use 2015-07-23 or 2015-07-23T12:00:00+03:00, "
                                + LatestArticleClock.SETTING + " for the newest article's time, or leave it empty.",
                        e);
            }
        }
    }
}
