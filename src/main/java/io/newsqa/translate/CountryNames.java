package io.newsqa.translate;

import io.newsqa.text.ArabicNormalizer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * English ↔ Arabic country names from Debian's iso-codes ({@code iso_3166-1} Arabic catalogue):
 * "United States" ↔ "الولايات المتحدة", "Saudi Arabia" ↔ "السعودية". The general dictionary
 * knows single words; these names are mostly several words and would be mistranslated word by word.
 *
 * <p>Inverted catalogue names ("Iran, Islamic Republic of") are also entered by their part before
 * the comma on both sides ("Iran" ↔ "إيران").
 */
public final class CountryNames {

    private final Map<String, String> arabicByEnglish = new HashMap<>();
    private final Map<String, String> englishByArabic = new HashMap<>();

    private CountryNames() {}

    /** An empty table, for when iso-codes is not installed. */
    public static CountryNames none() {
        return new CountryNames();
    }

    /** @throws IllegalArgumentException when the catalogue is missing or malformed */
    public static CountryNames load(Path arabicCatalogue) {
        CountryNames names = new CountryNames();
        GettextCatalog.read(arabicCatalogue).forEach((english, arabic) -> {
            names.add(english, arabic);
            int englishComma = english.indexOf(',');
            int arabicComma = arabic.indexOf('،');
            if (englishComma > 0 && arabicComma > 0) {
                names.add(english.substring(0, englishComma), arabic.substring(0, arabicComma));
            }
        });
        return names;
    }

    private void add(String english, String arabic) {
        arabicByEnglish.putIfAbsent(englishKey(english), arabic.strip());
        englishByArabic.putIfAbsent(arabicKey(arabic), english.strip());
    }

    static String englishKey(String words) {
        return words.strip().toLowerCase(Locale.ROOT);
    }

    static String arabicKey(String words) {
        return ArabicNormalizer.normalize(words.strip());
    }

    /** The Arabic name of a country given its English name (any case), words separated by one space. */
    public Optional<String> arabic(String english) {
        return Optional.ofNullable(arabicByEnglish.get(englishKey(english)));
    }

    /** The English name of a country given its Arabic name (any spelling of hamza and diacritics). */
    public Optional<String> english(String arabic) {
        return Optional.ofNullable(englishByArabic.get(arabicKey(arabic)));
    }

    public int size() {
        return arabicByEnglish.size();
    }
}
