package io.newsqa.ingest.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Publication dates as sources write them. A date that carries its offset or zone keeps it; one
 * without (SaudiNewsNet's "2015-07-21 02:51:40") is read in the zone the user names for the
 * source, because the archive stores instants with offsets. A missing date stays missing.
 */
public final class PublicationDates {

    private static final List<DateTimeFormatter> LOCAL_DATE_TIMES =
            List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"));

    private PublicationDates() {}

    /**
     * @param value            the date as written, or {@code null}
     * @param zoneForLocalTime the zone of dates written without one
     * @return the date, or {@code null} when the value is blank
     * @throws IllegalArgumentException when the value is not a date in a known form
     */
    public static OffsetDateTime parse(String value, ZoneId zoneForLocalTime) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException ignored) {
            // not ISO with an offset: try the other forms
        }
        try {
            return ZonedDateTime.parse(text).toOffsetDateTime();
        } catch (DateTimeParseException ignored) {
            // no zone either
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toOffsetDateTime();
        } catch (DateTimeParseException ignored) {
            // not an e-mail/RSS style date
        }
        for (DateTimeFormatter format : LOCAL_DATE_TIMES) {
            try {
                return LocalDateTime.parse(text, format)
                        .atZone(zoneForLocalTime)
                        .toOffsetDateTime();
            } catch (DateTimeParseException ignored) {
                // next form
            }
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zoneForLocalTime).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a date; expected a form such as "
                    + "2015-07-21T02:51:40+03:00, 2015-07-21 02:51:40 or 2015-07-21");
        }
    }
}
