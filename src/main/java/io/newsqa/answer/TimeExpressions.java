package io.newsqa.answer;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times in a sentence, English and Arabic: month, weekday and season names (Gregorian,
 * Levantine and Hijri months), units of time and the words that place an event in it ("ago",
 * "الماضي"), years, decades ("the 1990s", "'90s", "الخمسينيات"), ordinal days ("the 5th") and clock
 * times ("4:51"). Written from each language's calendar and grammar.
 */
final class TimeExpressions {

    private static final WordCues WORDS = WordCues.of(
            "january",
            "february",
            "march",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "century",
            "centuries",
            "decade",
            "decades",
            "ago",
            "yesterday",
            "today",
            "tomorrow",
            "tonight",
            "morning",
            "evening",
            "noon",
            "spring",
            "summer",
            "autumn",
            "winter",
            "midnight",
            "week",
            "weeks",
            "month",
            "months",
            "year",
            "years",
            "bc",
            "bce",
            "ad",
            "a.m",
            "p.m",
            "o'clock",
            "era",
            "period",
            "يناير",
            "فبراير",
            "مارس",
            "ابريل",
            "مايو",
            "يونيو",
            "يونيه",
            "يوليو",
            "يوليه",
            "اغسطس",
            "سبتمبر",
            "اكتوبر",
            "نوفمبر",
            "ديسمبر",
            "كانون",
            "شباط",
            "اذار",
            "نيسان",
            "ايار",
            "حزيران",
            "تموز",
            "ايلول",
            "تشرين",
            "محرم",
            "ربيع",
            "جمادي",
            "رجب",
            "شعبان",
            "رمضان",
            "شوال",
            "ذي القعده",
            "ذي الحجه",
            "الاثنين",
            "الثلاثاء",
            "الاربعاء",
            "الخميس",
            "الجمعه",
            "السبت",
            "الاحد",
            "يوم",
            "امس",
            "اليوم",
            "غدا",
            "القرن",
            "قرن",
            "عام",
            "العام",
            "سنه",
            "سنوات",
            "اعوام",
            "الماضي",
            "المقبل",
            "القادم",
            "الصيف",
            "الخريف",
            "الشتاء",
            "صباح",
            "صباحا",
            "مساء",
            "ظهرا",
            "عصرا",
            "فجر",
            "الساعه",
            "اسبوع",
            "الاسبوع",
            "شهر",
            "الشهر",
            "اشهر",
            "منذ",
            "عهد",
            "فتره",
            "حقبه",
            "ميلادي",
            "هجري",
            "ق م");
    private static final Pattern YEAR = Pattern.compile("1[0-9]{3}|20[0-9]{2}");
    /** A clock time: the tokenizer splits "4:51" at the colon, so it is read from the text. */
    private static final Pattern CLOCK = Pattern.compile("(?<![\\p{N}:])\\p{N}{1,2}:\\p{N}{2}(?![\\p{N}:])");
    /** What follows a number to make a decade or an ordinal day: "1990s", "5th", "21st". */
    private static final Set<String> NUMBER_SUFFIXES = Set.of("s", "st", "nd", "rd", "th");
    /** An Arabic decade: the tens' stem with the plural of the relative adjective ("الخمسينيات", "التسعينات"). */
    private static final Pattern ARABIC_DECADE = Pattern.compile("(ال)?(عشر|ثلاث|اربع|خمس|ست|سبع|ثمان|تسع)ين(ي)?ات");

    private TimeExpressions() {}

    /** Whether {@code sentence} (split into {@code words}) holds a date or time that the question's words do not. */
    static boolean anyNew(String sentence, List<WordCues.Word> words, Set<String> asked) {
        for (int i = 0; i < words.size(); i++) {
            if (!asked.contains(words.get(i).form()) && startsAt(words, i)) {
                return true;
            }
        }
        Matcher clock = CLOCK.matcher(sentence);
        while (clock.find()) {
            String[] parts = clock.group().split(":");
            if (!asked.contains(parts[0]) || !asked.contains(parts[1])) {
                return true;
            }
        }
        return false;
    }

    /** Whether a date or time expression starts at word {@code i}. */
    static boolean startsAt(List<WordCues.Word> words, int i) {
        WordCues.Word word = words.get(i);
        if (!word.number()) {
            return WORDS.startsAt(words, i)
                    || ARABIC_DECADE.matcher(word.form()).matches();
        }
        if (YEAR.matcher(westernDigits(word.form())).matches()) {
            return true;
        }
        if (i + 1 < words.size()) {
            WordCues.Word next = words.get(i + 1);
            return next.start() == word.start() + word.written().length() && NUMBER_SUFFIXES.contains(next.form());
        }
        return false;
    }

    /** Arabic-Indic and Persian digits as 0-9, so that "٢٠١٥" is a year. */
    static String westernDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isDigit(c) ? '0' + Character.digit(c, 10) : c));
        return out.toString();
    }
}
