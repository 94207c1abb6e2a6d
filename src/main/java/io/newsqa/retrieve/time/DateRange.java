package io.newsqa.retrieve.time;

import java.time.LocalDate;
import java.time.Month;

/**
 * Days a time expression means: from {@code from} (inclusive) to {@code to} (exclusive); {@code to}
 * is {@code null} for an open end ("since March").
 */
record DateRange(LocalDate from, LocalDate to) {

    static DateRange day(LocalDate day) {
        return new DateRange(day, day.plusDays(1));
    }

    static DateRange week(LocalDate firstDay) {
        return new DateRange(firstDay, firstDay.plusWeeks(1));
    }

    static DateRange month(int year, Month month) {
        LocalDate first = LocalDate.of(year, month, 1);
        return new DateRange(first, first.plusMonths(1));
    }

    static DateRange year(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return new DateRange(first, first.plusYears(1));
    }

    /** "since July 2015": from the start of the range, with no end. */
    DateRange since(boolean openEnded) {
        return openEnded ? new DateRange(from, null) : this;
    }
}
