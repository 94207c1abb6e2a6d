package io.newsqa.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsqa.archive.WeightedTerm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each translation rule, on the real installed dictionaries. */
class DictionaryQueryTranslatorTest {

    private final DictionaryQueryTranslator enAr = DictionaryQueryTranslator.englishToArabic(
            InstalledDictionaries.ENG_ARA, InstalledDictionaries.COUNTRIES, 4);
    private final DictionaryQueryTranslator arEn = DictionaryQueryTranslator.arabicToEnglish(
            InstalledDictionaries.ARA_ENG, InstalledDictionaries.COUNTRIES, 4);

    private static Map<String, Double> weights(List<WeightedTerm> terms) {
        return terms.stream().collect(Collectors.toMap(WeightedTerm::text, WeightedTerm::weight));
    }

    @Test
    void dropsStopWordsAndQuestionWords() {
        assertThat(enAr.translate("Why did the of and what was it?")).isEmpty();
        assertThat(arEn.translate("لماذا كم عدد من في")).isEmpty();
        assertThat(enAr.translate("")).isEmpty();
    }

    @Test
    void looksWordsUpUnderTheirHeadwordForms() {
        // "tigers" and "twice" by themselves; "kremlins" through its singular.
        assertThat(weights(enAr.translate("kremlins"))).containsKey("الكرملين");
        assertThat(HeadwordForms.english("called")).contains("called", "call");
        assertThat(HeadwordForms.english("studies")).contains("study");
        // Arabic: conjunction, preposition and article stripped or added until a headword is found.
        assertThat(HeadwordForms.arabic("وبالرئيس")).contains("بالرئيس", "الرئيس", "رئيس");
        assertThat(weights(arEn.translate("وبالرئيس"))).containsKey("President");
    }

    @Test
    void spreadsAWordsWeightOverItsSensesFirstOnesWeighingMore() {
        List<WeightedTerm> terms = enAr.translate("abandon");

        assertThat(terms).extracting(WeightedTerm::text).containsExactly("يترك", "يتخلّى عن", "يتنازل عن");
        assertThat(terms.stream().mapToDouble(WeightedTerm::weight).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(terms.get(0).weight()).isGreaterThan(terms.get(1).weight());
        assertThat(terms.get(1).weight()).isGreaterThan(terms.get(2).weight());
        assertThat(enAr.translate("abandon abandon")).hasSize(3); // the same word twice adds up
        assertThat(weights(enAr.translate("abandon abandon")).get("يترك"))
                .isCloseTo(2 * terms.get(0).weight(), within(1e-9));
    }

    @Test
    void arabicSensesShareTheWeightEquallyBecauseTheirOrderIsAlphabetical() {
        Map<String, Double> president = weights(arEn.translate("الرئيس"));

        assertThat(president).containsKeys("President", "Chief", "Head");
        assertThat(president.values())
                .allSatisfy(weight -> assertThat(weight).isCloseTo(1.0 / president.size(), within(1e-9)));
        assertThat(weights(arEn.translate("مرتين"))).containsOnlyKeys("Twice");
    }

    @Test
    void translatesCountryNamesAndMultiWordEntriesBeforeSingleWords() {
        assertThat(weights(enAr.translate("the United States economy")))
                .containsKey("الولايات المتّحدة")
                .doesNotContainKey("المتّحد");
        assertThat(weights(arEn.translate("اقتصاد الولايات المتحدة"))).containsKey("United States");
        assertThat(weights(enAr.translate("football"))).containsKey("كرة القدم");
    }

    @Test
    void keepsNumbersAndSpellsUnknownLatinNamesInArabic() {
        Map<String, Double> terms = weights(enAr.translate("Why did Putin call Netanyahu twice in 2025?"));

        assertThat(terms).containsKeys("2025", "Putin", "بوتين", "Netanyahu", "نتنياهو", "مرّتين");
        assertThat(terms.get("بوتين")).isEqualTo(1.0);
        assertThat(NameTransliterator.spellings("Grammy")).contains("غرامي");
        assertThat(NameTransliterator.spellings("Panthers")).contains("بانثرز");
        assertThat(NameTransliterator.spellings("x1")).isEmpty();
        assertThat(NameTransliterator.spellings("Bartholomewsonsky"))
                .hasSizeLessThanOrEqualTo(NameTransliterator.MAX_SPELLINGS);
    }

    @Test
    void romanisedArabicNamesAreAlsoSpelledWithTheLettersLatinCannotTellApart() {
        // h is ه or ح, an initial vowel may be ع, a doubled a is ع; a final "ah" is the feminine ending.
        assertThat(NameTransliterator.spellings("Hajj")).contains("حج", "هج");
        assertThat(NameTransliterator.spellings("Eid")).contains("عيد");
        assertThat(NameTransliterator.spellings("Omar")).contains("عمر");
        assertThat(NameTransliterator.spellings("Zaatari")).contains("زعتري");
        assertThat(NameTransliterator.spellings("Madinah")).contains("مدينه").doesNotContain("مدينح");
        assertThat(NameTransliterator.spellings("Grammy")).contains("غرامي");
    }

    @Test
    void aCapitalisedWordInsideTheQuestionIsAlsoTakenForAName() {
        // "Jared" is found as the common noun "jar" (الجرّة), but inside a question it is a name.
        Map<String, Double> terms = weights(enAr.translate("How many sacks did Jared Allen have?"));
        assertThat(terms).containsKeys("جارد", "ألين");
    }

    @Test
    void theArabicArticleOfARomanisedNameIsPartOfTheNameNotAWord() {
        // "Al" alone is the dictionary's Alabama; in Al-Nassr, al-Shabaab and Mohammad Al Mojil it is the article.
        for (String question :
                List.of("Who will Al-Nassr play?", "Where did al-Shabaab attack?", "Who paid Mohammad Al Mojil?")) {
            assertThat(weights(enAr.translate(question))).as(question).doesNotContainKey("ولاية ألاباما الأمريكية");
        }
        assertThat(weights(enAr.translate("Who will Al-Nassr play?"))).containsKeys("Nassr", "نسر");
        assertThat(weights(enAr.translate("Where did al-Shabaab attack?"))).containsKey("Shabaab");
        assertThat(weights(enAr.translate("Who paid Mohammad Al Mojil?"))).containsKey("Mojil");
    }

    @Test
    void anAdjectiveAfterHowAsksForAMeasureAndIsNotTranslated() {
        assertThat(weights(enAr.translate("How old is the Pakistani?"))).doesNotContainKey("قديم");
        assertThat(weights(enAr.translate("How long were the banks shut?"))).doesNotContainKey("لمدة طويلة");
        assertThat(weights(enAr.translate("Which old mosque was restored?"))).containsKey("قديم");
    }

    @Test
    void isOffWithoutTheDictionaries(@TempDir Path empty) {
        assertThat(DictionaryTranslators.load(empty, empty.resolve("none.mo"), 4))
                .isEmpty();
        assertThat(CrossLingualRanking.off().enabled()).isFalse();
        assertThat(CrossLingualRanking.off()
                        .rankings(
                                "why did Putin call Netanyahu twice?", "en", 10, io.newsqa.archive.SearchFilter.none()))
                .isEmpty();
    }

    @Test
    void loadsBothDirectionsFromTheInstalledPackages() {
        List<DictionaryQueryTranslator> translators = InstalledDictionaries.translators();

        assertThat(translators)
                .extracting(DictionaryQueryTranslator::sourceLanguage)
                .containsExactly("en", "ar");
        assertThat(translators)
                .extracting(DictionaryQueryTranslator::targetLanguage)
                .containsExactly("ar", "en");
    }
}
