package io.newsqa.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsqa.archive.WeightedTerm;
import io.newsqa.text.ArabicNormalizer;
import io.newsqa.text.LanguageAnalyzers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dates, digits, percentages and magnitudes in both directions, in the search terms and in sentence matching. */
class NumbersAndDatesAcrossLanguagesTest {

    private final DictionaryQueryTranslator enAr = DictionaryQueryTranslator.englishToArabic(
            InstalledDictionaries.ENG_ARA, InstalledDictionaries.COUNTRIES, 4);
    private final DictionaryQueryTranslator arEn = DictionaryQueryTranslator.arabicToEnglish(
            InstalledDictionaries.ARA_ENG, InstalledDictionaries.COUNTRIES, 4);

    private static List<String> texts(List<WeightedTerm> terms) {
        return terms.stream().map(WeightedTerm::text).toList();
    }

    @Test
    void anEnglishDateBecomesTheArabicMonthsOfBothCalendarsAndTheSameDigits() {
        List<String> terms = texts(enAr.translate("What happened on 23 July 2015?"));

        assertThat(terms).contains("23", "2015", "يوليو", "تموز");
        assertThat(texts(enAr.translate("What happened on July 23rd?")))
                .contains("23", "يوليو")
                .doesNotContain("rd");
        assertThat(texts(enAr.translate("Who was elected in May 2015?"))).contains("مايو", "ايار");
        assertThat(texts(enAr.translate("Why may the talks fail?")))
                .as("the modal verb is no month")
                .doesNotContain("مايو");
        assertThat(texts(enAr.translate("Where did the protesters march?"))).doesNotContain("مارس");
    }

    @Test
    void percentagesAndMagnitudesTakeTheWordsArabicNewsUses() {
        assertThat(texts(enAr.translate("Did prices rise 5 percent?")))
                .contains("5", ArabicNormalizer.normalize("بالمئة"), ArabicNormalizer.normalize("المائة"));
        assertThat(texts(enAr.translate("Did prices rise 5%?"))).contains("5", ArabicNormalizer.normalize("بالمئة"));
        // The dictionary's بليون is not how the press writes a billion.
        assertThat(texts(enAr.translate("Did Apple earn 10 billion dollars?"))).contains("10", "مليار");
    }

    @Test
    void anArabicQuestionsDatesAndDigitsBecomeEnglish() {
        assertThat(texts(arEn.translate("ماذا حدث في ٢٣ يوليو ٢٠١٥؟"))).contains("23", "July", "2015");
        assertThat(texts(arEn.translate("ماذا حدث في 23 تموز؟"))).contains("23", "July");
        assertThat(texts(arEn.translate("ماذا حدث في كانون الثاني؟"))).contains("January");
        assertThat(texts(arEn.translate("هل ارتفعت الأسعار 5 ٪ بمليار دولار؟"))).contains("5", "percent", "billion");
    }

    @Test
    void aTranslatedDateMatchesAnArabicSentenceWritingEitherMonthName() {
        QuestionTranslation translation = new QuestionTranslation(List.of(enAr, arEn));
        TranslatedQuestion question =
                translation.translate("What happened on 23 July?", "en", "ar").orElseThrow();

        // Before, the dictionary's one sense "يوليو/تموز" asked for both names in the sentence.
        double withBoth = question.coverage(terms("وقع الحادث في 23 يوليو الماضي"));
        assertThat(question.coverage(terms("وقع الحادث في ٢٣ تموز الماضي"))).isEqualTo(withBoth);
        assertThat(question.coverage(terms("وقع الحادث في 24 يوليو الماضي")))
                .isLessThan(withBoth)
                .isPositive();
        assertThat(question.coverage(terms("وقع الحادث في 24 من الشهر الماضي")))
                .isLessThan(question.coverage(terms("وقع الحادث في 24 يوليو الماضي")));
    }

    @Test
    void theFiguresOfAnArabicSentenceInEnglish() {
        assertThat(ArabicFigures.of("ارتفعت حصيلة التفجير إلى 66 قتيلا يوم 23 يوليو 2015، وتراجعت الأسهم 33 % "
                        + "بعد أرباح بلغت 49.61 مليار دولار"))
                .containsExactly("66", "23 July 2015", "33 percent", "49.61 billion");
        assertThat(ArabicFigures.of("في ٢٣ تموز قتل ٥ أشخاص")).containsExactly("23 July", "5");
        assertThat(ArabicFigures.of("تبدأ الدراسة في كانون الثاني 2016 بنسبة 10 في المائة"))
                .contains("January 2016", "10");
        assertThat(ArabicFigures.of("لا أرقام هنا")).isEmpty();
    }

    @Test
    void arabicWordsInLatinLetters() {
        assertThat(ArabicToLatin.of("الرياض")).isEqualTo("al-Riad");
        assertThat(ArabicToLatin.of("لافروف")).isEqualTo("Lafruf");
        assertThat(ArabicToLatin.of("جدة")).isEqualTo("Jda");
    }

    private static Set<String> terms(String sentence) {
        return new HashSet<>(LanguageAnalyzers.terms(sentence, "ar"));
    }
}
