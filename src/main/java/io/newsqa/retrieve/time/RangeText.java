package io.newsqa.retrieve.time;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A date window as a reader says it, in English or Arabic: "6 December 2026", "5–6 December 2026",
 * "30 November – 6 December 2026", "since 1 March 2026". Written out rather than left to
 * {@code DateTimeFormatter}'s Arabic locale, which gives Arabic-Indic digits and the Levantine or
 * Gulf month names by platform; the archive's own dates and the answers use Western digits.
 */
public final class RangeText {

    private static final List<String> EN_MONTHS = List.of(
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December");
    private static final List<String> AR_MONTHS = List.of(
            "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
            "ديسمبر");

    private RangeText() {}

    /** One day: "11 August 2015" / "11 أغسطس 2015". */
    public static String day(LocalDate day, String language) {
        return day.getDayOfMonth() + " " + month(day, language) + " " + day.getYear();
    }

    /**
     * The days of a window, {@code to} exclusive; either end may be open ({@code null}). Both
     * ends are read in their own offset: the window's zone, where its days begin.
     */
    public static String of(OffsetDateTime from, OffsetDateTime to, String language) {
        boolean arabic = "ar".equals(language);
        if (from == null && to == null) {
            return arabic ? "كل التواريخ" : "any date";
        }
        if (to == null) {
            return (arabic ? "منذ " : "since ") + day(from.toLocalDate(), language);
        }
        LocalDate last = to.toLocalDate().minusDays(1);
        if (from == null) {
            return (arabic ? "حتى " : "until ") + day(last, language);
        }
        LocalDate first = from.toLocalDate();
        if (!last.isAfter(first)) {
            return day(first, language);
        }
        if (first.getYear() != last.getYear()) {
            return day(first, language) + " – " + day(last, language);
        }
        if (first.getMonth() != last.getMonth()) {
            return first.getDayOfMonth() + " " + month(first, language) + " – " + day(last, language);
        }
        return first.getDayOfMonth() + "–" + day(last, language);
    }

    private static String month(LocalDate day, String language) {
        return ("ar".equals(language) ? AR_MONTHS : EN_MONTHS).get(day.getMonthValue() - 1);
    }
}
