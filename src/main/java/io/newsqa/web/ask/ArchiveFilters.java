package io.newsqa.web.ask;

import io.newsqa.archive.SearchFilter;
import io.newsqa.web.InvalidRequestException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the filter parameters of the API (from, to, sources, languages) into a
 * {@link SearchFilter}, rejecting values that cannot be meant.
 *
 * <p>Dates are {@code 2025-08-01} (a whole day in UTC: {@code from} starts it, {@code to} includes
 * it) or a full time with its offset, {@code 2025-08-01T12:00:00+03:00} ({@code to} exclusive).
 */
public final class ArchiveFilters {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final int MAX_SOURCE_LENGTH = 200;
    private static final int MIN_YEAR = 1;
    private static final int MAX_YEAR = 9999;

    private ArchiveFilters() {}

    static SearchFilter of(String from, String to, List<String> sources, List<String> languages) {
        OffsetDateTime start = isBlank(from) ? null : time("from", from.strip(), false);
        OffsetDateTime end = isBlank(to) ? null : time("to", to.strip(), true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidRequestException("\"from\" (" + from + ") must come before \"to\" (" + to + ").");
        }
        return new SearchFilter(start, end, sources(sources), languages(languages));
    }

    private static OffsetDateTime time(String name, String value, boolean endOfRange) {
        try {
            LocalDate day = LocalDate.parse(value);
            checkYear(name, value, day.getYear());
            return (endOfRange ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException notADay) {
            try {
                OffsetDateTime time = OffsetDateTime.parse(value);
                checkYear(name, value, time.getYear());
                return time;
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("\"" + name + "\" is \"" + value
                        + "\", which is not a date: send 2025-08-01" + " or 2025-08-01T12:00:00+03:00.");
            }
        }
    }

    /** Java reads years up to 999,999,999, whose instants the archives cannot count in milliseconds. */
    private static void checkYear(String name, String value, int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidRequestException("\"" + name + "\" is \"" + value + "\", outside the years " + MIN_YEAR
                    + " to " + MAX_YEAR + ": send a date such as 2025-08-01.");
        }
    }

    private static Set<String> sources(List<String> values) {
        Set<String> sources = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (isBlank(value)) {
                continue;
            }
            if (value.length() > MAX_SOURCE_LENGTH) {
                throw new InvalidRequestException(
                        "A source name has " + value.length() + " characters; the limit is " + MAX_SOURCE_LENGTH + ".");
            }
            sources.add(value.strip());
        }
        return sources;
    }

    private static Set<String> languages(List<String> values) {
        Set<String> languages = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (isBlank(value)) {
                continue;
            }
            String code = value.strip().toLowerCase(java.util.Locale.ROOT);
            if (!LANGUAGE.matcher(code).matches()) {
                throw new InvalidRequestException(
                        "\"" + value + "\" is not a language code: send ISO 639-1 codes such as ar or en.");
            }
            languages.add(code);
        }
        return languages;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
