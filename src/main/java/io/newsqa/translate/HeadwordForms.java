package io.newsqa.translate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * The forms under which a question word may be a dictionary headword, most specific first.
 * Dictionaries list lemmas (mostly): "calls", "called" and "calling" are found as "call", and
 * the Arabic "وبالرئيس" as "الرئيس" or "رئيس".
 */
final class HeadwordForms {

    private HeadwordForms() {}

    /**
     * English: the word itself, its singular (Lucene's minimal plural stemmer), the Porter stem and
     * the stem with a final e restored ("located" → "locat" → "locate"), and the common
     * irregular endings ("studied" → "study").
     */
    static List<String> english(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(lower);
        char[] chars = lower.toCharArray();
        forms.add(new String(chars, 0, new EnglishMinimalStemmer().stem(chars, chars.length)));
        if (lower.endsWith("ied") || lower.endsWith("ies")) {
            forms.add(lower.substring(0, lower.length() - 3) + "y");
        }
        PorterStemmer porter = new PorterStemmer();
        porter.setCurrent(lower);
        porter.stem();
        String stem = porter.getCurrent();
        forms.add(stem);
        forms.add(stem + "e");
        if (lower.endsWith("ed") && lower.length() > 4) {
            forms.add(lower.substring(0, lower.length() - 1)); // "used" → "use"
            forms.add(lower.substring(0, lower.length() - 2));
        }
        if (lower.endsWith("ing") && lower.length() > 5) {
            forms.add(lower.substring(0, lower.length() - 3));
            forms.add(lower.substring(0, lower.length() - 3) + "e");
        }
        forms.removeIf(form -> form.length() < 2);
        return List.copyOf(forms);
    }

    /**
     * Arabic (already spelling-normalised): the word, without the conjunction و/ف, without the
     * prepositions ب/ل/ك, with and without the article ال (لل → ال), and without the sound
     * plural endings (ات → ه, ون, ين). Dictionary headwords appear both with and without the article.
     */
    static List<String> arabic(String word) {
        List<String> bases = withoutProclitics(word);
        Set<String> forms = new LinkedHashSet<>();
        for (String base : bases) {
            forms.add(base);
            if (base.startsWith("ال") && base.length() > 4) {
                forms.add(base.substring(2));
            } else {
                forms.add("ال" + base);
            }
        }
        for (String form : List.copyOf(forms)) {
            if (form.length() > 4 && form.endsWith("ات")) {
                forms.add(form.substring(0, form.length() - 2) + "ه");
            } else if (form.length() > 4 && (form.endsWith("ون") || form.endsWith("ين"))) {
                forms.add(form.substring(0, form.length() - 2));
            }
        }
        return List.copyOf(forms);
    }

    /** Attached pronouns and verb endings, longest first. */
    private static final List<String> ARABIC_SUFFIXES =
            List.of("هما", "كما", "هم", "ها", "كم", "نا", "وا", "ون", "ين", "ات", "ان", "تم", "ه", "ي", "ت", "ن");

    /**
     * The bases an inflected Arabic word may be a form of, beyond {@link #arabic}: without one
     * attached pronoun or verb ending (قدرها → قدر, باعت → باع, سنتها → سنة), and without the
     * imperfect's prefix (تساهم → ساهم). Used to tell names (no base the dictionary knows) from
     * inflected common words, never to translate.
     */
    static List<String> arabicInflectionBases(String word) {
        Set<String> bases = new LinkedHashSet<>();
        for (String base : withoutProclitics(word)) {
            String bare = base.startsWith("ال") && base.length() > 4 ? base.substring(2) : base;
            for (String suffix : ARABIC_SUFFIXES) {
                if (bare.endsWith(suffix) && bare.length() - suffix.length() >= 2) {
                    String stem = bare.substring(0, bare.length() - suffix.length());
                    bases.add(stem);
                    if (stem.endsWith("ت")) {
                        bases.add(stem.substring(0, stem.length() - 1) + "ه"); // سنتها → سنه (normalised ة)
                    }
                }
            }
            if (bare.length() > 3 && "يتنا".indexOf(bare.charAt(0)) >= 0) {
                bases.add(bare.substring(1));
            }
        }
        return List.copyOf(bases);
    }

    /**
     * An Arabic word as written and without its proclitics (و/ف, then ب/ل/ك, لل counting as ل +
     * ال), then without the article, as a name may carry them: والبانثرز → البانثرز, بانثرز. No
     * suffix is removed: a name's own letters stay.
     */
    static List<String> arabicName(String word) {
        List<String> forms = new ArrayList<>(withoutProclitics(word));
        String last = forms.get(forms.size() - 1);
        if (last.startsWith("ال") && last.length() > 4) {
            forms.add(last.substring(2));
        }
        return List.copyOf(forms);
    }

    /** The word, without the conjunction و/ف, then without the preposition ب/ل/ك (لل → ال). */
    private static List<String> withoutProclitics(String word) {
        Set<String> bases = new LinkedHashSet<>();
        bases.add(word);
        String rest = word;
        if (rest.length() > 3 && (rest.startsWith("و") || rest.startsWith("ف"))) {
            rest = rest.substring(1);
            bases.add(rest);
        }
        if (rest.startsWith("لل") && rest.length() > 4) {
            bases.add("ال" + rest.substring(2));
        } else if (rest.length() > 3 && (rest.startsWith("ب") || rest.startsWith("ل") || rest.startsWith("ك"))) {
            bases.add(rest.substring(1));
        }
        return List.copyOf(bases);
    }
}
