package io.newsqa.answer;

import io.newsqa.retrieve.time.AppliedFilter;
import io.newsqa.retrieve.time.RangeText;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What an answer says when the dates a question asked about ("yesterday", "هذا الأسبوع", "in July
 * 2015", or the request's from/to) hold nothing that answers it: the range searched, in the
 * reader's language, and when the archive ends before it, the newest article's date. "The archive
 * does not say" alone would hide that the question was never searched where the answer could be.
 */
final class EmptyWindow {

    private EmptyWindow() {}

    /** Whether the search was narrowed to dates at all. */
    static boolean narrowed(AppliedFilter applied) {
        return applied != null && (applied.from() != null || applied.to() != null);
    }

    /**
     * "No articles from 5–6 December 2026 in the archive; the newest is from 11 August 2015.", or,
     * when the archive reaches into the range, "Nothing in the archive from 5–6 December 2026
     * answers this."
     */
    static String note(AppliedFilter applied, Optional<OffsetDateTime> newest, String language) {
        String range = RangeText.of(applied.from(), applied.to(), language);
        boolean arabic = "ar".equals(language);
        if (newest.isPresent() && applied.from() != null && newest.get().isBefore(applied.from())) {
            String day = RangeText.day(newest.get().toLocalDate(), language);
            return arabic
                    ? "لا توجد في الأرشيف مقالات من " + range + "؛ أحدث مقالاته من " + day + "."
                    : "No articles from " + range + " in the archive; the newest is from " + day + ".";
        }
        return arabic
                ? "لا شيء في الأرشيف من " + range + " يجيب عن هذا السؤال."
                : "Nothing in the archive from " + range + " answers this.";
    }

    /** Leads into the newest coverage of the topic: "Its newest coverage, from 12 May 2025:". */
    static String coverageIntro(Answer coverage, String language) {
        OffsetDateTime published = coverage.citations().get(0).publishedAt();
        boolean arabic = "ar".equals(language);
        if (published == null) {
            return arabic ? "أحدث ما في الأرشيف عن الموضوع:" : "Its newest coverage in the archive:";
        }
        String day = RangeText.day(published.toLocalDate(), language);
        return arabic
                ? "أحدث ما في الأرشيف عن الموضوع، من " + day + ":"
                : "Its newest coverage in the archive, from " + day + ":";
    }
}
