package io.newsqa.translate;

import io.newsqa.text.ArabicNormalizer;
import io.newsqa.text.LanguageAnalyzers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forms in which news writes an Arabic dictionary sense. FreeDict gives one form per sense,
 * mostly definite and singular (الهجوم, القاعدة, ودّي), while an article writes it bare, feminine,
 * as an adjective of relation, dual or plural (هجوم, قاعدة جوية, مباراة ودية, شخصين, مسلحون), and
 * the index's Snowball stemmer keeps many of these apart (القاعدة → قاعده, قاعدة → قاعد; الجوية →
 * جويه, جوية → جوي). The forms are generated from the sense by the regular suffixes of Arabic
 * nouns and adjectives; which of them the archive actually holds is for the caller to check.
 */
final class ArabicSurfaceForms {

    /** A form and its one search term (Snowball stem). */
    record Form(String text, String term) {}

    /** Per sense: a dictionary has a bounded number of them, and analysing a dozen forms per question word would cost milliseconds. */
    private static final Map<String, List<Form>> SEARCH_FORMS = new ConcurrentHashMap<>();

    private static final String ARTICLE = "ال";
    /** Feminine ة, already normalised to ه as the dictionary and the archive are. */
    private static final char FEMININE = 'ه';

    private static final char NISBA = 'ي';
    /** Sound plurals, the dual (nominative and oblique) and the accusative's alif (عاما, شخصا). */
    private static final List<String> SUFFIXES = List.of("ات", "ون", "ين", "ان", "ا");

    private ArabicSurfaceForms() {}

    /**
     * The forms of a one-word Arabic sense as written in a dictionary (diacritics and all) whose
     * search terms the sense's own does not already give, one form per search term, in the order
     * of {@link #of}.
     */
    static List<Form> searchForms(String sense) {
        return SEARCH_FORMS.computeIfAbsent(sense, ArabicSurfaceForms::analysed);
    }

    private static List<Form> analysed(String sense) {
        Set<String> terms = new HashSet<>(LanguageAnalyzers.terms(sense, "ar"));
        List<Form> forms = new ArrayList<>();
        for (String form : of(ArabicNormalizer.normalize(sense))) {
            List<String> formTerms = LanguageAnalyzers.terms(form, "ar");
            if (formTerms.size() == 1 && terms.add(formTerms.get(0))) {
                forms.add(new Form(form, formTerms.get(0)));
            }
        }
        return List.copyOf(forms);
    }

    /**
     * The other forms of a one-word Arabic sense (spelling-normalised: ة as ه, no diacritics),
     * with and without the article, the sense itself left out; none for a phrase or a word of
     * fewer than three letters without its article.
     */
    static List<String> of(String sense) {
        if (sense.indexOf(' ') >= 0) {
            return List.of();
        }
        String bare = sense.startsWith(ARTICLE) && sense.length() > 4 ? sense.substring(2) : sense;
        if (bare.length() < 3) {
            return List.of();
        }
        String stem = bare.charAt(bare.length() - 1) == FEMININE ? bare.substring(0, bare.length() - 1) : bare;
        Set<String> bases = new LinkedHashSet<>();
        bases.add(stem);
        bases.add(stem + FEMININE);
        bases.add(stem.charAt(stem.length() - 1) == NISBA ? stem + FEMININE : stem + NISBA + FEMININE);
        if (bare.charAt(bare.length() - 1) == FEMININE) {
            bases.add(stem + "ت" + "ين"); // the feminine's dual keeps its ت: مباراتين
        }
        for (String suffix : SUFFIXES) {
            bases.add(stem + suffix);
        }
        Set<String> forms = new LinkedHashSet<>();
        for (String base : bases) {
            forms.add(base);
            forms.add(ARTICLE + base);
        }
        forms.remove(sense);
        return List.copyOf(forms);
    }
}
