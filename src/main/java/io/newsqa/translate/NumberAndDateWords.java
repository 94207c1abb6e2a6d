package io.newsqa.translate;

import io.newsqa.text.ArabicNormalizer;
import java.text.DateFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words of dates and quantities across English and Arabic, where the dictionary is no help:
 * month names (the JDK's CLDR calendar data: Arabic news writes July يوليو, as in Egypt and the
 * Gulf, or تموز, as in the Levant and Iraq, often both), the magnitude words whose Arabic the
 * dictionary gets wrong or gives one of several ways (billion is مليار in the press, بليون to the
 * dictionary; percent is بالمئة, في المئة, بالمائة or a % sign), and digits of either script
 * (Arabic-Indic ٢٣ is 23).
 */
final class NumberAndDateWords {

    /** Locales whose CLDR month names are the two Arabic calendars' (Egyptian-Gulf and Levantine). */
    private static final List<Locale> ARABIC_MONTH_LOCALES =
            List.of(Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("ar-SY"));

    private static final Map<String, List<String>> ENGLISH_MONTHS = new HashMap<>();
    private static final Map<String, List<String>> ENGLISH_TO_ARABIC = new HashMap<>();
    private static final Map<String, List<String>> ARABIC_TO_ENGLISH = new HashMap<>();

    static {
        String[] english = DateFormatSymbols.getInstance(Locale.ENGLISH).getMonths();
        for (int month = 0; month < 12; month++) {
            Set<String> arabic = new LinkedHashSet<>();
            for (Locale locale : ARABIC_MONTH_LOCALES) {
                arabic.add(ArabicNormalizer.normalize(
                        DateFormatSymbols.getInstance(locale).getMonths()[month]));
            }
            String name = english[month].toLowerCase(Locale.ROOT);
            ENGLISH_MONTHS.put(name, List.copyOf(arabic));
            List<String> englishName = List.of(english[month]);
            arabic.forEach(word -> ARABIC_TO_ENGLISH.put(word, englishName));
        }
        magnitude("thousand", "ألف", "آلاف");
        magnitude("million", "مليون", "ملايين");
        magnitude("billion", "مليار", "مليارات", "بليون");
        magnitude("trillion", "تريليون");
        magnitude("percent", "بالمئة", "المئة", "بالمائة", "المائة");
    }

    private NumberAndDateWords() {}

    private static void magnitude(String english, String... arabic) {
        List<String> spellings = new ArrayList<>();
        for (String word : arabic) {
            spellings.add(ArabicNormalizer.normalize(word));
        }
        ENGLISH_TO_ARABIC.put(english, List.copyOf(spellings));
        spellings.forEach(word -> ARABIC_TO_ENGLISH.put(word, List.of(english)));
    }

    /**
     * The word's renderings in the target language, as alternatives; empty when the word is no
     * month, magnitude or number. English months count only capitalised (not "march", "may");
     * Arabic words are expected normalised ({@link ArabicNormalizer}).
     */
    static Optional<List<String>> translate(String word, String from) {
        if (isNumber(word)) {
            return Optional.of(List.of(asciiDigits(word)));
        }
        if (word.equals("%") || word.equals("٪")) {
            return Optional.of("en".equals(from) ? ENGLISH_TO_ARABIC.get("percent") : List.of("percent"));
        }
        if ("en".equals(from)) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (Character.isUpperCase(word.charAt(0)) && ENGLISH_MONTHS.containsKey(lower)) { // not "march", "may"
                return Optional.of(ENGLISH_MONTHS.get(lower));
            }
            return Optional.ofNullable(ENGLISH_TO_ARABIC.get(lower));
        }
        List<String> english = ARABIC_TO_ENGLISH.get(word);
        if (english == null
                && word.length() > 3
                && (word.startsWith("ب") || word.startsWith("و") || word.startsWith("ل"))) {
            english = ARABIC_TO_ENGLISH.get(word.substring(1)); // بمليار، ومليون، لشهر...
        }
        return Optional.ofNullable(english);
    }

    /** The words of an Arabic month name written in two words (كانون الثاني), for phrase matching. */
    static Optional<List<String>> translatePhrase(String phrase, String from) {
        return "ar".equals(from) ? Optional.ofNullable(ARABIC_TO_ENGLISH.get(phrase)) : Optional.empty();
    }

    static boolean isNumber(String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isDigit(c) && !(i > 0 && i < word.length() - 1 && (c == '.' || c == ','))) {
                return false;
            }
        }
        return true;
    }

    /** Digits of any script as ASCII digits ("٢٣" → "23"), other characters kept. */
    static String asciiDigits(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            ascii.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c == '٫' ? '.' : c);
        }
        return ascii.toString();
    }
}
