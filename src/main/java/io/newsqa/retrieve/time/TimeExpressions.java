package io.newsqa.retrieve.time;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first time expression in a question ("yesterday", "in July 2015", "أمس", "في تموز
 * 2015") and the days it means, relative to a reference day.
 *
 * <p>Hand-written on purpose: the Java date-phrase parsers (Natty, CoreNLP's SUTime) are unmaintained
 * or hundreds of megabytes, and none reads Arabic. A table of patterns over the
 * {@link QuestionText normalised question} covers what a newsroom asks, and each row is tested.
 *
 * <p>The text must be normalised by {@link QuestionText#normalize}: lower case, Arabic spelling
 * normalised (أ→ا, ة→ه, ى→ي), Arabic-Indic digits as ASCII.
 */
final class TimeExpressions {

    /** Gregorian month names: English, the Egyptian/Gulf Arabic family and the Levantine family, normalised. */
    private static final Map<String, Month> MONTHS = months();

    private static final String MONTH = alternation(MONTHS.keySet());
    private static final String START = "(?<![\\w])";
    private static final String END = "(?![\\w])";
    /** A preposition before a date; "since"/"منذ" makes the window open-ended. */
    private static final String PREPOSITION = "(?:(?:(?<since>since|منذ)|in|during|on|of|في|خلال|يوم)\\s+)?";
    /** "2015", "2015م" (the Arabic Gregorian-era letter). */
    private static final String YEAR = "(?<year>(?:19|20)\\d\\d)م?";

    private static final String DAY = "(?<day>[0-3]?\\d)(?:st|nd|rd|th)?";
    /** "اليوم" that is not "اليوم الوطني" (a day's name) nor the newspaper "اليوم"; a weekday may follow. */
    private static final String ARABIC_TODAY =
            "(?<!صحيفه |جريده )اليوم(?!\\s+ال(?!احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)\\w)";

    private record Rule(Pattern pattern, BiFunction<Matcher, Calendar, DateRange> range) {}

    /** The reference day and where weeks start. */
    record Calendar(LocalDate today, DayOfWeek weekStart) {

        LocalDate weekStart(LocalDate day) {
            return day.with(TemporalAdjusters.previousOrSame(weekStart));
        }
    }

    private static final List<Rule> RULES = List.of(
            rule(
                    PREPOSITION + "(?<year>\\d{4})-(?<month>\\d\\d)-(?<day>\\d\\d)",
                    (m, c) -> DateRange.day(LocalDate.of(
                                    Integer.parseInt(m.group("year")),
                                    Integer.parseInt(m.group("month")),
                                    Integer.parseInt(m.group("day"))))
                            .since(since(m))),
            rule(
                    PREPOSITION + DAY + "\\s+(?:of\\s+)?(?<month>" + MONTH + ")\\s*,?\\s*" + YEAR,
                    (m, c) -> DateRange.day(date(m)).since(since(m))),
            rule(
                    PREPOSITION + "(?<month>" + MONTH + ")\\s+" + DAY + "\\s*,?\\s*" + YEAR,
                    (m, c) -> DateRange.day(date(m)).since(since(m))),
            rule(
                    PREPOSITION + "(?<month>" + MONTH + ")\\s*,?\\s*" + YEAR,
                    (m, c) -> DateRange.month(year(m), month(m)).since(since(m))),
            // A month without a year needs a preposition ("may" alone is a verb) and means its latest occurrence.
            rule(
                    "(?:(?<since>since|منذ)|in|during|في|خلال)\\s+(?:شهر\\s+)?(?<month>" + MONTH + ")",
                    (m, c) -> latest(month(m), c.today()).since(since(m))),
            rule(
                    "(?:(?:(?<since>since|منذ)|in|during|في|خلال)\\s+)?(?:عام|العام|سنه)\\s+" + YEAR,
                    (m, c) -> DateRange.year(year(m)).since(since(m))),
            rule(
                    "(?:(?<since>since|منذ)|in|during|في|خلال)\\s+" + YEAR,
                    (m, c) -> DateRange.year(year(m)).since(since(m))),
            rule("(?<!usa )today|" + ARABIC_TODAY, (m, c) -> DateRange.day(c.today())),
            rule(
                    "yesterday|(?:يوم\\s+)?(?:و|ف)?(?:ب?ال)?امس|البارحه",
                    (m, c) -> DateRange.day(c.today().minusDays(1))),
            rule(
                    "this\\s+week|(?:هذا|خلال)\\s+الاسبوع(?!\\s+الماضي|\\s+الفائت)|الاسبوع\\s+الحالي",
                    (m, c) -> DateRange.week(c.weekStart(c.today()))),
            rule(
                    "last\\s+week|الاسبوع\\s+(?:الماضي|الفائت)",
                    (m, c) -> DateRange.week(c.weekStart(c.today()).minusWeeks(1))),
            rule(
                    "this\\s+month|هذا\\s+الشهر|الشهر\\s+الحالي",
                    (m, c) -> DateRange.month(c.today().getYear(), c.today().getMonth())),
            rule("last\\s+month|الشهر\\s+(?:الماضي|الفائت)", (m, c) -> {
                LocalDate previous = c.today().minusMonths(1);
                return DateRange.month(previous.getYear(), previous.getMonth());
            }),
            rule(
                    "this\\s+year|(?:هذا\\s+العام|هذه\\s+السنه|العام\\s+الحالي)",
                    (m, c) -> DateRange.year(c.today().getYear())),
            rule(
                    "last\\s+year|(?:العام|السنه)\\s+(?:الماضي|الماضيه|الفائت)",
                    (m, c) -> DateRange.year(c.today().getYear() - 1)));

    private TimeExpressions() {}

    /**
     * The time expression starting first in {@code normalized} (the longest one when several start
     * at the same place), or empty when there is none or its date does not exist (31 June).
     */
    static Optional<TimeMention> find(String normalized, Calendar calendar) {
        List<TimeMention> mentions = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(normalized);
            while (matcher.find()) {
                try {
                    mentions.add(new TimeMention(
                            rule.range().apply(matcher, calendar),
                            matcher.start(),
                            matcher.end(),
                            matcher.group().strip()));
                } catch (DateTimeException notADate) {
                    // "31 June 2015" is no date, so no filter; another expression may still be one.
                }
            }
        }
        return mentions.stream()
                .min(Comparator.comparingInt(TimeMention::start)
                        .thenComparing(Comparator.comparingInt(TimeMention::end).reversed()));
    }

    private static Rule rule(String regex, BiFunction<Matcher, Calendar, DateRange> range) {
        return new Rule(Pattern.compile(START + "(?:" + regex + ")" + END, Pattern.UNICODE_CHARACTER_CLASS), range);
    }

    private static boolean since(Matcher m) {
        return m.group("since") != null;
    }

    private static int year(Matcher m) {
        return Integer.parseInt(m.group("year"));
    }

    private static Month month(Matcher m) {
        return MONTHS.get(m.group("month").replaceAll("\\s+", " "));
    }

    private static LocalDate date(Matcher m) {
        return LocalDate.of(year(m), month(m), Integer.parseInt(m.group("day")));
    }

    /** The latest occurrence of {@code month} that has begun by {@code today}: "in July" asked in March is last July. */
    private static DateRange latest(Month month, LocalDate today) {
        int year = month.getValue() <= today.getMonthValue() ? today.getYear() : today.getYear() - 1;
        return DateRange.month(year, month);
    }

    private static Map<String, Month> months() {
        Map<String, Month> months = new LinkedHashMap<>();
        String[][] names = {
            {"january", "يناير", "كانون الثاني"},
            {"february", "فبراير", "شباط"},
            {"march", "مارس", "اذار"},
            {"april", "ابريل", "نيسان"},
            {"may", "مايو", "ايار"},
            {"june", "يونيو", "يونيه", "حزيران"},
            {"july", "يوليو", "يوليه", "تموز"},
            {"august", "اغسطس", "اب"},
            {"september", "سبتمبر", "ايلول"},
            {"october", "اكتوبر", "تشرين الاول"},
            {"november", "نوفمبر", "تشرين الثاني"},
            {"december", "ديسمبر", "كانون الاول"}
        };
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                months.put(name, Month.of(i + 1));
            }
        }
        return months;
    }

    /** Longest names first, so that "كانون الثاني" is not read as a shorter name. */
    private static String alternation(Iterable<String> names) {
        List<String> sorted = new ArrayList<>();
        names.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return String.join(
                "|", sorted.stream().map(name -> name.replace(" ", "\\s+")).toList());
    }
}
