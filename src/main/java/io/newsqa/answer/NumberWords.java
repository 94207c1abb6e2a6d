package io.newsqa.answer;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Quantities written in words, English and Arabic: "fifteen", "seventy-five", "hundreds of",
 * "several", "خمسة عشر", "عشرين", "مئات", "عدة".
 *
 * <p>The cardinal words are those ICU's spellout rules (CLDR) write for each language, so every
 * unit, teen, ten and scale word is covered without a list of our own. ICU writes Arabic numbers
 * in one case and gender only, so the forms Arabic grammar adds are derived from its words: the
 * other gender's form ("ثلاثة" / "ثلاث"), the oblique case of tens and duals
 * ("عشرون" / "عشرين", "اثنان" / "اثنين"), and "مئة" for "مائة". What no rule derives is listed:
 * the plurals of scale words ("hundreds", "مئات", "آلاف"), fractions, multiples, and the
 * quantifiers that give an order of magnitude without a figure ("several", "dozens", "عدة",
 * "بضعة"). Those that give none ("many", "numerous") answered negatives more often than gold
 * on the dev split.
 */
final class NumberWords {

    private static final Set<String> CARDINALS = cardinals();

    /** Closed classes of each language's grammar: quantifiers, fractions, multiples, percent. */
    private static final WordCues QUANTIFIERS = WordCues.of(
            "several",
            "none",
            "dozen",
            "dozens",
            "a few",
            "a couple",
            "a handful",
            "a number of",
            "half",
            "a third",
            "a quarter",
            "quarter",
            "twice",
            "thrice",
            "double",
            "triple",
            "percent",
            "per cent",
            "احد عشر",
            "احدي عشره",
            "عده",
            "بضع",
            "بضعه",
            "العديد",
            "عدد من",
            "عشرات",
            "مئات",
            "الاف",
            "الوف",
            "ملايين",
            "مليارات",
            "نصف",
            "ربع",
            "ثلث",
            "ثلثي",
            "ثلثا",
            "ضعف",
            "اضعاف",
            "مرتين",
            "بالمائه",
            "بالمئه",
            "في المائه",
            "في المئه");

    private NumberWords() {}

    /** Whether a quantity in words starts at word {@code i}: a cardinal word or a quantifier. */
    static boolean startsAt(List<WordCues.Word> words, int i) {
        String form = words.get(i).form();
        return CARDINALS.contains(form)
                || CARDINALS.contains(withoutConjunction(form))
                || QUANTIFIERS.startsAt(words, i);
    }

    /** The word without the Arabic conjunction و / ف before it ("وعشرون"), or the word itself. */
    private static String withoutConjunction(String form) {
        return form.length() > 2 && (form.charAt(0) == 'و' || form.charAt(0) == 'ف') ? form.substring(1) : form;
    }

    /** Every word ICU spells numbers with, in English and Arabic, with the forms Arabic grammar adds. */
    private static Set<String> cardinals() {
        Set<String> words = new HashSet<>();
        RuleBasedNumberFormat english = new RuleBasedNumberFormat(ULocale.ENGLISH, RuleBasedNumberFormat.SPELLOUT);
        for (long n : numbers()) {
            for (WordCues.Word word : WordCues.words(english.format(n, "%spellout-cardinal"))) {
                words.add(word.form());
            }
        }
        for (long scale : List.of(100L, 1_000L, 1_000_000L, 1_000_000_000L, 1_000_000_000_000L)) {
            List<WordCues.Word> spelt = WordCues.words(english.format(scale, "%spellout-cardinal"));
            words.add(spelt.get(spelt.size() - 1).form() + "s"); // hundreds, thousands, millions
        }
        RuleBasedNumberFormat arabic = new RuleBasedNumberFormat(new ULocale("ar"), RuleBasedNumberFormat.SPELLOUT);
        Set<String> spelt = new HashSet<>();
        for (String ruleSet : arabic.getRuleSetNames()) {
            if (!ruleSet.contains("cardinal") && !ruleSet.equals("%spellout-numbering")) {
                continue;
            }
            for (long n : numbers()) {
                for (WordCues.Word word : WordCues.words(arabic.format(n, ruleSet))) {
                    spelt.add(word.form());
                }
            }
        }
        // "وعشرون" of "خمسة وعشرون" is "عشرون" with the conjunction, which startsAt strips; "واحد"
        // keeps its و. "أحد" / "إحدى" are numbers only in "أحد عشر" (a phrase below): alone they are
        // "one of", "someone".
        spelt.removeIf(word -> word.startsWith("و") && spelt.contains(word.substring(1)) || word.startsWith("احد"));
        for (String word : spelt) {
            words.add(word);
            if (word.endsWith("ه")) {
                words.add(word.substring(0, word.length() - 1)); // ثلاثة / ثلاث
            }
            if (word.endsWith("ون") && !word.endsWith("يون") || word.endsWith("ان")) {
                words.add(word.substring(0, word.length() - 2) + "ين"); // عشرين, اثنين, ألفين
            }
            if (word.contains("مائ")) {
                words.add(word.replace("مائ", "مئ")); // مئة
            }
        }
        return Set.copyOf(words);
    }

    /** Enough numbers for every word of the spellout rules: 0–100, the hundreds, and the scales with their duals. */
    private static List<Long> numbers() {
        List<Long> numbers = new ArrayList<>();
        for (long n = 0; n <= 100; n++) {
            numbers.add(n);
        }
        for (long n = 200; n < 1000; n += 100) {
            numbers.add(n);
        }
        for (long scale = 1000; scale <= 1_000_000_000_000L; scale *= 1000) {
            numbers.add(scale);
            numbers.add(2 * scale);
            numbers.add(3 * scale);
        }
        return numbers;
    }
}
