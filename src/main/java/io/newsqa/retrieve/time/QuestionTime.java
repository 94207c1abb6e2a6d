package io.newsqa.retrieve.time;

import io.newsqa.archive.SearchFilter;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Reads the time in a question: a time expression becomes a date window ("yesterday", "في تموز
 * 2015"), a cue such as "latest" or "حتى الآن" asks for a recency prior.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>A request with its own from/to wins: the question's time words are left alone (the user
 *       chose the window on purpose; intersecting could silently empty it), and there is no prior.</li>
 *   <li>Else the question's first time expression sets the window, in the configured zone, and
 *       its words are taken out of the search text (the window does their work; "أمس" or "2015"
 *       as search terms would only favour articles that happen to say them). Sources and languages
 *       of the request still apply. A window means no prior: the user said when.</li>
 *   <li>Else a recency cue, when a half-life is configured, turns the prior on.</li>
 * </ol>
 */
public final class QuestionTime {

    private static final QuestionTime OFF = new QuestionTime(false, Clock.systemUTC(), DayOfWeek.MONDAY, null);

    private final boolean timeWords;
    private final Clock clock;
    private final DayOfWeek weekStart;
    private final Duration halfLife;

    /**
     * @param timeWords whether time expressions in questions become date windows
     * @param clock     "now", and the zone in which days begin
     * @param weekStart the first day of a week ("this week")
     * @param halfLife  the recency prior's half-life; {@code null} or zero: no prior
     */
    public QuestionTime(boolean timeWords, Clock clock, DayOfWeek weekStart, Duration halfLife) {
        this.timeWords = timeWords;
        this.clock = clock;
        this.weekStart = weekStart;
        this.halfLife = halfLife == null || halfLife.isZero() || halfLife.isNegative() ? null : halfLife;
    }

    /** No time words, no prior: the question is searched as it is (the evaluation uses this). */
    public static QuestionTime off() {
        return OFF;
    }

    public TimeReading read(String question, SearchFilter requested) {
        if (requested.hasDateBounds()) {
            return new TimeReading(
                    question,
                    requested,
                    new AppliedFilter(requested.publishedFrom(), requested.publishedTo(), AppliedFilter.REQUEST, false),
                    RecencyPrior.NONE);
        }
        if (!timeWords && halfLife == null) {
            return TimeReading.unchanged(question, requested);
        }
        QuestionText text = QuestionText.of(question);
        String normalized = text.normalized();
        ZoneId zone = clock.getZone();
        if (timeWords) {
            Optional<TimeMention> mention =
                    TimeExpressions.find(normalized, new TimeExpressions.Calendar(LocalDate.now(clock), weekStart));
            if (mention.isPresent()) {
                OffsetDateTime from = start(mention.get().range().from(), zone);
                OffsetDateTime to = start(mention.get().range().to(), zone);
                String rest = text.withoutNormalizedSpan(
                        mention.get().start(), mention.get().end());
                return new TimeReading(
                        rest.isBlank() ? question : rest,
                        new SearchFilter(from, to, requested.sources(), requested.languages()),
                        new AppliedFilter(from, to, mention.get().words(), false),
                        RecencyPrior.NONE);
            }
        }
        if (halfLife != null) {
            Optional<String> cue = RecencyCues.find(normalized);
            if (cue.isPresent()) {
                return new TimeReading(
                        question,
                        requested,
                        new AppliedFilter(null, null, cue.get(), true),
                        new RecencyPrior(clock.instant(), halfLife));
            }
        }
        return TimeReading.unchanged(question, requested);
    }

    private static OffsetDateTime start(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toOffsetDateTime();
    }
}
