package io.newsqa.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsqa.archive.WeightedTerm;
import java.util.Arrays;
import java.util.HashMap;
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
        assertThat(TransliterationKey.latin("Tesla"))
                .isEqualTo(TransliterationKey.arabic("تسلا").get(0));
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
        assertThat(TransliterationKey.arabic("ويويويويو")).hasSizeLessThanOrEqualTo(32);
    }

    @Test
    void matchesOnlyArchiveWordsTheMoreFrequentFirstAndShortKeysNotAtAll() {
        NameIndex index =
                NameIndex.of(Map.of("tesla", 2, "tassel", 8, "man", 50, "panthers", 4), arEn::targetKeys, "en");

        List<WeightedTerm> tesla = index.match("", keys("TSL"), 1.0);
        assertThat(tesla).extracting(WeightedTerm::text).containsExactly("tassel", "tesla");
        assertThat(tesla.get(0).weight()).isCloseTo(2.0 / 3, within(1e-9)); // 1 against 1/2
        assertThat(tesla.stream().mapToDouble(WeightedTerm::weight).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(index.match("", keys("MN"), 1.0))
                .as("keys under three classes are not indexed")
                .isEmpty();
        assertThat(index.match("", keys("XYZ", "BNTRS"), 1.0))
                .extracting(WeightedTerm::text)
                .containsExactly("panthers");
    }

    @Test
    void whenManyWordsShareAKeyTheFirstFewOfTheNearestAreKeptTheMostFrequentFirst() {
        // Arabic roots are three consonants: at news scale a name's key is shared by common words.
        Map<String, Integer> vocabulary = new HashMap<>();
        vocabulary.put("الرياض", 40); // RYD, the article off
        vocabulary.put("بالرياض", 9); // the same search term: one candidate
        vocabulary.put("يريد", 300); // RYD only with its initial ي read as a vowel: further
        vocabulary.put("ريد", 2); // RYD, rare
        vocabulary.put("رد", 500); // RD: another key

        List<NameKey> riyadh = DictionaryQueryTranslator.transliterationKeys("Riyadh", "en");
        assertThat(NameIndex.of(vocabulary, enAr::targetKeys, "ar", 2).match("Riyadh", riyadh, 1.0))
                .extracting(WeightedTerm::text)
                .containsExactly("الرياض", "ريد");
        assertThat(NameIndex.of(vocabulary, enAr::targetKeys, "ar", 6).match("Riyadh", riyadh, 1.0))
                .as("only the nearest key distance")
                .extracting(WeightedTerm::text)
                .containsExactly("الرياض", "ريد");
        vocabulary.remove("الرياض");
        vocabulary.remove("بالرياض");
        vocabulary.remove("ريد");
        assertThat(NameIndex.of(vocabulary, enAr::targetKeys, "ar", 6).match("Riyadh", riyadh, 1.0))
                .as("a further key when no nearer one matches")
                .extracting(WeightedTerm::text)
                .containsExactly("يريد");
    }

    @Test
    void aLongNameAlsoMatchesAnArchiveSpellingOneClassAwayAfterTheExactOnes() {
        // Some outlets write g with ق (Egyptian usage): بيليقريني is one class from Pellegrini's BLGRN.
        Map<String, Integer> vocabulary = Map.of("بيليجريني", 11, "بيليقريني", 3, "باريس", 150);
        NameIndex index = NameIndex.of(vocabulary, enAr::targetKeys, "ar");

        assertThat(index.match("Pellegrini", DictionaryQueryTranslator.transliterationKeys("Pellegrini", "en"), 1.0))
                .extracting(WeightedTerm::text)
                .containsExactly("بيليجريني", "بيليقريني");
        assertThat(index.match("Paris", DictionaryQueryTranslator.transliterationKeys("Paris", "en"), 1.0))
                .extracting(WeightedTerm::text)
                .containsExactly("باريس");
        assertThat(index.match("Baron", DictionaryQueryTranslator.transliterationKeys("Baron", "en"), 1.0))
                .as("keys under four classes must match exactly")
                .isEmpty();
    }

    @Test
    void theSameNameInBothScriptsIsRecognised() {
        assertThat(QuestionTranslation.sameName("Lavrov", "en", "لافروف", "ar")).isTrue();
        assertThat(QuestionTranslation.sameName("Riyadh", "en", "الرياض", "ar")).isTrue();
        assertThat(QuestionTranslation.sameName("Riyadh", "en", "لافروف", "ar")).isFalse();
    }

    @Test
    void anArabicWordTheDictionaryDoesNotKnowIsLookedUpAmongTheArchivesEnglishWords() {
        NameIndex english = NameIndex.of(Map.of("tesla", 3, "panthers", 5, "died", 9), arEn::targetKeys, "en");

        assertThat(weights(arEn.translate("متى توفي تسلا؟", english))).containsEntry("tesla", 1.0);
        // Proclitics and the article come off: والبانثرز → بانثرز.
        assertThat(weights(arEn.translate("والبانثرز", english))).containsEntry("panthers", 1.0);
        assertThat(arEn.translate("متى توفي تسلا؟"))
                .extracting(WeightedTerm::text)
                .doesNotContain("tesla");
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

        assertThat(weights(enAr.translate("Why did Putin call Netanyahu twice?", arabic)))
                .containsKey("ونتنياهو");
    }

    @Test
    void aNameWrittenWithTheArticleInLatinScriptGoesFirstToTheArchivesWordWithTheArticle() {
        // One key (NSR) for the person's name ناصر, the club النصر and the verb نشر; ناصر has the
        // name's vowels as written (Nassr: NASR) and is the more frequent. The stemmer gives ناصر
        // and الناصر (عبد الناصر) one term, which the archive writes mostly without the article.
        NameIndex arabic = NameIndex.of(
                Map.of("ناصر", 40, "الناصر", 6, "النصر", 10, "للنصر", 3, "نصر", 4, "نشر", 60), enAr::targetKeys, "ar");

        Map<String, Double> bare = weights(enAr.translate("Who scored for Nassr?", arabic));
        assertThat(bare.get("ناصر")).isGreaterThan(bare.get("النصر"));
        for (String question : List.of(
                "Who scored for Al-Nassr?",
                "Who scored for al-Nassr?",
                "Who scored for El-Nassr?",
                "Who scored for Al Nassr?")) {
            Map<String, Double> definite = weights(enAr.translate(question, arabic));
            assertThat(definite.get("النصر")).as(question).isGreaterThan(definite.get("ناصر"));
        }
        // The article is no word of its own ("Al" is Alabama to the dictionary).
        assertThat(QuestionWords.read("Who scored for Al-Nassr?", "en"))
                .containsExactly(
                        new QuestionWords.Word("Who", false),
                        new QuestionWords.Word("scored", false),
                        new QuestionWords.Word("for", false),
                        new QuestionWords.Word("Nassr", true));
    }

    private static List<NameKey> keys(String... keys) {
        return Arrays.stream(keys).map(key -> new NameKey(key, 0)).toList();
    }

    private static Map<String, Double> weights(List<WeightedTerm> terms) {
        return terms.stream().collect(Collectors.toMap(WeightedTerm::text, WeightedTerm::weight, Double::sum));
    }
}
