package io.newsqa.text;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences of a stored passage that an answer never quotes, though their words may match a
 * question well: sub-headings and captions ({@link SubHeadings}), bylines ("By Jane Doe", "كتب:
 * فلان"), photo credits and captions ("الصورة: …", "… (رويترز)" alone), navigation debris
 * (breadcrumbs, "follow us", "رابط الخبر"), and isnad chains — the chain of transmitters before a
 * hadith quoted in an opinion column ("حدثنا فلان قال حدثنا فلان عن فلان"), which matches any
 * question about what "happened" (حدث) and states nothing about the news.
 *
 * <p>They stay in the archive, where their words still help find the passage.
 */
public final class Unquotable {

    /** Transmission words of an isnad, standalone (with و / ف before them at most). */
    private static final Pattern TRANSMISSION = Pattern.compile(
            "(?<![\\p{L}\\p{M}])[وف]?(?:حدثنا|حدثني|أخبرنا|أخبرني|اخبرنا|اخبرني|أنبأنا|انبأنا|سمعت)(?![\\p{L}\\p{M}])");
    /** "عن" before a transmitter's name: عن أبي هريرة، عن ابن عمر، عن عبد الله، عن النبي. */
    private static final Pattern FROM_TRANSMITTER =
            Pattern.compile("(?<![\\p{L}\\p{M}])عن\\s+(?:أبي|ابي|أبو|ابو|ابن|عبد|أم|ام|النبي|رسول|عائشة|أنس|انس)");

    private static final Pattern HONORIFIC = Pattern.compile("رضي الله عن|صلى الله عليه وسلم|عليه الصلاة والسلام");
    /** A narration quoted with its formula: "قال فلان: حدثني فلان". */
    private static final Pattern NARRATION = Pattern.compile("[:：]\\s*[«\"]?(?:حدثنا|حدثني)(?![\\p{L}\\p{M}])");

    /** An English byline: "By Jane Doe", "Reporting by Jane Doe and John Roe; Editing by …". */
    private static final Pattern BYLINE_EN = Pattern.compile(
            "^(?:(?:written|reporting|editing|compiled|story|photos?|text|additional reporting) )?by\\s+"
                    + "\\p{Lu}[\\p{L}.'’-]*(?:(?:\\s+|\\s*[,;&]\\s*|\\s+and\\s+|\\s+by\\s+)\\p{Lu}[\\p{L}.'’-]*)*[.]?$",
            Pattern.CASE_INSENSITIVE);
    /** An Arabic byline or credit line: "كتب: فلان", "بقلم فلان", "إعداد - فلان". */
    private static final Pattern BYLINE_AR = Pattern.compile(
            "^(?:بقلم|كتب|كتبت|كتبه|تقرير|إعداد|اعداد|تحرير|ترجمة|متابعة|تصوير|المحرر)(?:\\s*[:：\\-–—]|(?<=بقلم)\\s|\\s*$)");
    /** Words a byline has at most: a longer sentence starting "By …" is a statement ("By 2030, …"). */
    private static final int MAX_BYLINE_WORDS = 8;

    private static final Pattern CAPTION_START = Pattern.compile(
            "^\\(?(?:photo|image|picture|credit|file photo|caption|الصورة|صورة|صور|الصور|أرشيفية|ارشيفية|من الأرشيف)\\s*[:：)\\-–—]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A photo agency's credit closing a short line: the line is a caption. */
    private static final Pattern CREDIT_END = Pattern.compile(
            "[(\\[](?:AFP|Reuters|AP|EPA|Getty Images|Getty|رويترز|أ ف ب|ا ف ب|أ\\.ف\\.ب|أ ب|إ ب أ|د ب أ|واس|الأناضول|أرشيفية|ارشيفية)[)\\]][.]?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final int MAX_CAPTION_WORDS = 20;

    private static final List<String> NAVIGATION_STARTS = List.of(
            "follow us",
            "subscribe to",
            "sign up",
            "click here",
            "related:",
            "tags:",
            "share:",
            "all rights reserved",
            "copyright",
            "©",
            "read more",
            "see also",
            "الرئيسية",
            "تابعونا",
            "تابعنا",
            "اشترك",
            "اضغط هنا",
            "انقر هنا",
            "رابط الخبر",
            "الرابط المختصر",
            "رابط مختصر",
            "المصدر:",
            "الوسوم",
            "كلمات مفتاحية",
            "جميع الحقوق محفوظة",
            "اقرأ أيضا",
            "اقرأ أيضاً",
            "للمزيد");
    /** Breadcrumb or menu separators: "Home > World > Middle East". */
    private static final Pattern SEPARATORS = Pattern.compile("\\s[>›|]\\s");

    private static final Pattern WORDS = Pattern.compile("\\s+");

    private Unquotable() {}

    /** Whether an answer must not quote the sentence. */
    public static boolean isUnquotable(String sentence) {
        String text = sentence.strip();
        return text.isEmpty()
                || SubHeadings.isSubHeading(text)
                || isIsnad(text)
                || isByline(text)
                || isCaption(text)
                || isNavigation(text);
    }

    /**
     * Two transmission words, or one with a transmitter's "عن", an honorific or after a colon, or
     * two "عن" before transmitters: a chain of transmitters. A journalist's single "أخبرني الوزير"
     * is none.
     */
    static boolean isIsnad(String text) {
        int transmissions = count(TRANSMISSION.matcher(text));
        int transmitters = count(FROM_TRANSMITTER.matcher(text));
        return transmissions >= 2
                || transmissions == 1
                        && (transmitters >= 1
                                || HONORIFIC.matcher(text).find()
                                || NARRATION.matcher(text).find())
                || transmitters >= 2;
    }

    static boolean isByline(String text) {
        return words(text) <= MAX_BYLINE_WORDS && (BYLINE_AR.matcher(text).find() || bylineEnglish(text));
    }

    /** "By" and capitalised names only (the case-insensitive pattern lets "by" be any case). */
    private static boolean bylineEnglish(String text) {
        if (!BYLINE_EN.matcher(text).matches()) {
            return false;
        }
        for (String word : WORDS.split(text.replaceFirst("(?i)^.*?\\bby\\s+", ""))) {
            String bare = word.replaceAll("[,;&.]", "");
            if (!bare.isEmpty()
                    && !bare.equals("and")
                    && !bare.equals("by")
                    && !Character.isUpperCase(bare.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    static boolean isCaption(String text) {
        return CAPTION_START.matcher(text).find()
                || CREDIT_END.matcher(text).find() && words(text) <= MAX_CAPTION_WORDS;
    }

    static boolean isNavigation(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String start : NAVIGATION_STARTS) {
            if (lower.startsWith(start)
                    && (lower.length() == start.length() || !Character.isLetter(lower.charAt(start.length())))) {
                return true;
            }
        }
        return count(SEPARATORS.matcher(text)) >= 2;
    }

    private static int words(String text) {
        return WORDS.split(text).length;
    }

    private static int count(Matcher matcher) {
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
