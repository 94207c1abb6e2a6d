package io.newsqa.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsqa.archive.WeightedTerm;
import io.newsqa.text.ArabicNormalizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A dictionary sense in the forms news writes it (bare, definite, feminine, relational, dual,
 * plural), kept only where the archive holds the form; on the real installed dictionaries.
 */
class ArabicSurfaceFormsTest {

    private final DictionaryQueryTranslator enAr = DictionaryQueryTranslator.englishToArabic(
            InstalledDictionaries.ENG_ARA, InstalledDictionaries.COUNTRIES, 4);

    private static Map<String, Double> weights(List<WeightedTerm> terms) {
        return terms.stream().collect(Collectors.toMap(WeightedTerm::text, WeightedTerm::weight));
    }

    @Test
    void aSenseHasItsBareDefiniteFeminineRelationalDualAndPluralForms() {
        assertThat(ArabicSurfaceForms.of(ArabicNormalizer.normalize("القاعدة")))
                .contains("قاعده", "قاعدات", "قاعدتين", "قاعدا")
                .doesNotContain("القاعده");
        assertThat(ArabicSurfaceForms.of("الجوي")).contains("جويه", "الجويه", "جوي");
        assertThat(ArabicSurfaceForms.of("ودي")).contains("وديه", "الوديه");
        assertThat(ArabicSurfaceForms.of("مسلح")).contains("مسلحون", "المسلحين", "مسلحا");
        assertThat(ArabicSurfaceForms.of("شخص")).contains("شخصين", "شخصان", "شخصا");
    }

    @Test
    void aPhraseOrAVeryShortWordHasNoOtherForms() {
        assertThat(ArabicSurfaceForms.of("الرجل المسلح")).isEmpty();
        assertThat(ArabicSurfaceForms.of("جو")).isEmpty();
    }

    @Test
    void theTranslationAddsTheFormsTheArchiveHoldsAtPartOfTheSensesWeight() {
        // "friendly" is ودّي to the dictionary; news writes مباراة ودية, whose stem (ودي) is not ودّي's (ود).
        NameIndex archive = NameIndex.of(Map.of("مباراه", 9, "وديه", 4, "الجيش", 30), enAr::targetKeys, "ar");

        Map<String, Double> withArchive = weights(enAr.translate("friendly", archive));

        assertThat(withArchive).containsKey("ودّي").containsKey("وديه").doesNotContainKey("الوديه");
        assertThat(withArchive.get("وديه"))
                .isCloseTo(DictionaryQueryTranslator.SURFACE_FORM_WEIGHT * withArchive.get("ودّي"), within(1e-9));
    }

    @Test
    void withoutTheArchivesWordsNoFormIsGuessed() {
        assertThat(weights(enAr.translate("friendly"))).containsOnlyKeys("ودّي");
    }
}
