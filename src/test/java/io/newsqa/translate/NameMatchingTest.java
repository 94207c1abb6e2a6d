package io.newsqa.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsqa.archive.WeightedTerm;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Names written in the other script, matched against the archive's own words by transliteration key. */
class NameMatchingTest {

    private final DictionaryQueryTranslator arEn = DictionaryQueryTranslator.arabicToEnglish(
            InstalledDictionaries.ARA_ENG, InstalledDictionaries.COUNTRIES, 4);
    private final DictionaryQueryTranslator enAr = DictionaryQueryTranslator.englishToArabic(
            InstalledDictionaries.ENG_ARA, InstalledDictionaries.COUNTRIES, 4);

    @Test
    void aLatinNameAndItsArabicSpellingShareAKey() {
        assertThat(TransliterationKey.latin("Manning")).isEqualTo("MNG");
        assertThat(TransliterationKey.arabic("مانينغ")).contains("MNG");
        assertThat(TransliterationKey.latin("Panthers")).isEqualTo("BNTRS");
        assertThat(TransliterationKey.arabic("بانثرز")).contains("BNTRS");
        assertThat(TransliterationKey.latin("Warsaw")).isEqualTo("WRS");
        assertThat(TransliterationKey.arabic("وارسو")).contains("WRS");
        assertThat(TransliterationKey.latin("Tesla")).isEqualTo(TransliterationKey.arabic("تسلا").get(0));
        assertThat(TransliterationKey.latin("Chopin")).isEqualTo("SBN");
        assertThat(TransliterationKey.arabic("شوبان")).contains("SBN");
    }

    @Test
    void otherCharactersHaveNoKey() {
        assertThat(TransliterationKey.latin("2015")).isEmpty();
        assertThat(TransliterationKey.latin("café")).isEmpty();
        assertThat(TransliterationKey.arabic("Tesla")).isEmpty();
    }

    @Test
    void anArabicWordHasAKeyWithAndWithoutEachWawAndYa() {
        // و and ي are consonants or long vowels; the number of keys is capped.
        assertThat(TransliterationKey.arabic("يوي")).contains("YW", "Y", "W", "");
        assertThat(TransliterationKey.arabic("ويويويويو")).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void matchesOnlyArchiveWordsRarerOnesWeighingMoreAndAmbiguousOrShortKeysNotAtAll() {
        NameIndex index = NameIndex.of(Map.of("tesla", 2, "tassel", 8, "man", 50, "panthers", 4), arEn::targetKeys, "en");

        Map<String, Double> tesla = weights(index.match(List.of("TSL"), 1.0));
        assertThat(tesla).containsOnlyKeys("tesla", "tassel");
        assertThat(tesla.get("tesla")).isCloseTo(0.8, within(1e-9)); // 1/2 against 1/8
        assertThat(tesla.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(index.match(List.of("MN"), 1.0)).as("keys under three classes are not indexed").isEmpty();
        assertThat(index.match(List.of("XYZ", "BNTRS"), 1.0)).extracting(WeightedTerm::text).containsExactly("panthers");

        Map<String, Integer> crowded = new java.util.HashMap<>();
        for (String word : List.of("tasel", "tesla", "tassel", "tussle", "tousle", "tesl", "tasle")) {
            crowded.put(word, 1);
        }
        assertThat(NameIndex.of(crowded, arEn::targetKeys, "en").match(List.of("TSL"), 1.0)).as("more than six words").isEmpty();
    }

    @Test
    void anArabicWordTheDictionaryDoesNotKnowIsLookedUpAmongTheArchivesEnglishWords() {
        NameIndex english = NameIndex.of(Map.of("tesla", 3, "panthers", 5, "died", 9), arEn::targetKeys, "en");

        assertThat(weights(arEn.translate("متى توفي تسلا؟", english))).containsEntry("tesla", 1.0);
        // Proclitics and the article come off: والبانثرز → بانثرز.
        assertThat(weights(arEn.translate("والبانثرز", english))).containsEntry("panthers", 1.0);
        assertThat(arEn.translate("متى توفي تسلا؟")).extracting(WeightedTerm::text).doesNotContain("tesla");
    }

    @Test
    void anArabicWordTheDictionaryKnowsMayStillBeANameOfTheArchiveWeighingLessThanItsSenses() {
        // مدينة is "city" to the dictionary, and Medina in the archive.
        NameIndex english = NameIndex.of(Map.of("medina", 4, "city", 2), arEn::targetKeys, "en");

        Map<String, Double> medina = weights(arEn.translate("مدينة", english));
        assertThat(medina).containsKeys("medina", "City");
        assertThat(medina.get("medina")).isLessThan(medina.get("City"));
        assertThat(weights(arEn.translate("مدينة"))).doesNotContainKey("medina");
    }

    @Test
    void sensesThatOccurNowhereInTheArchiveTakeNoShareOfTheWordsWeight() {
        NameIndex english = NameIndex.of(Map.of("cities", 3, "bridge", 2), arEn::targetKeys, "en");

        Map<String, Double> without = weights(arEn.translate("مدينة"));
        Map<String, Double> with = weights(arEn.translate("مدينة", english));

        assertThat(without).containsKey("City").hasSizeGreaterThan(1);
        assertThat(with).containsOnlyKeys("City"); // "cities" is analysed to the same term as "City"
        assertThat(with.get("City")).isCloseTo(1.0, within(1e-9));
        // A word none of whose senses occurs keeps them all: the search just finds nothing for it.
        assertThat(weights(arEn.translate("قطة", english))).isEqualTo(weights(arEn.translate("قطة")));
    }

    @Test
    void anEnglishNameIsLookedUpAmongTheArchivesArabicWords() {
        NameIndex arabic = NameIndex.of(Map.of("ونتنياهو", 4, "المدينة", 30), enAr::targetKeys, "ar");

        assertThat(weights(enAr.translate("Why did Putin call Netanyahu twice?", arabic))).containsKey("ونتنياهو");
    }

    private static Map<String, Double> weights(List<WeightedTerm> terms) {
        return terms.stream().collect(Collectors.toMap(WeightedTerm::text, WeightedTerm::weight, Double::sum));
    }
}
