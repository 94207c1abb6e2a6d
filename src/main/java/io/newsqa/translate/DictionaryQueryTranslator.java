package io.newsqa.translate;

import io.newsqa.archive.WeightedTerm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a question into weighted search terms of another language with a bilingual dictionary,
 * offline: English → Arabic or Arabic → English.
 *
 * <p>The rules, each measured on XQuAD (docs/results/2026-11-29-cross-lingual.md):
 * <ul>
 *   <li>stop words and question words carry nothing and are dropped;</li>
 *   <li>country names and multi-word dictionary entries ("United States", "كرة القدم") are
 *       matched before single words, longest first;</li>
 *   <li>a word is looked up under its headword forms (plural, inflection, Arabic proclitics and
 *       article, see {@link HeadwordForms});</li>
 *   <li>each source word weighs 1, split over its first senses with the first weighing most
 *       (1, 1/2, 1/3… normalised), so a word with many senses does not drown the others;</li>
 *   <li>numbers are kept as they are; a Latin-script word the dictionary does not know is taken
 *       for a name: kept as it is and spelled in Arabic ({@link NameTransliterator}), every
 *       spelling with the word's full weight because at most one of them occurs in the archive.</li>
 * </ul>
 */
public final class DictionaryQueryTranslator {

    /** A number in digits of either script, as {@link QuestionWords} keeps it. */
    private static final Pattern NUMBER = Pattern.compile("\\p{N}+(?:[.,٫]\\p{N}+)*");

    private static final int LONGEST_PHRASE = 3;

    private final String source;
    private final String target;
    private final DictdDictionary dictionary;
    private final Function<String, Optional<String>> countryName;
    private final int maxSenses;
    private final boolean sensesByFrequency;
    /**
     * The weight of the archive's words matching, as a name, an Arabic word the dictionary knows,
     * below its senses' 1 (ar→en lexical r@1/5/10 0.604/0.794/0.858 without, 0.605/0.797/0.859 at
     * 0.25, 0.604/0.797/0.857 at 0.5, 0.578/0.788/0.845 at 1;
     * docs/results/2026-11-29-cross-lingual.md).
     */
    private static final double KNOWN_WORD_AS_NAME_WEIGHT = 0.25;
    /**
     * The weight of each other form of an Arabic sense that the archive holds, against the sense's
     * own (chosen on XQuAD dev and the newsroom dev set, docs/results/2026-12-07-cross-lingual-news.md).
     */
    static final double SURFACE_FORM_WEIGHT = 0.5;

    private DictionaryQueryTranslator(
            String source,
            String target,
            DictdDictionary dictionary,
            Function<String, Optional<String>> countryName,
            int maxSenses,
            boolean sensesByFrequency) {
        if (maxSenses < 1) {
            throw new IllegalArgumentException("maxSenses must be at least 1, was " + maxSenses);
        }
        this.source = source;
        this.target = target;
        this.dictionary = dictionary;
        this.countryName = countryName;
        this.maxSenses = maxSenses;
        this.sensesByFrequency = sensesByFrequency;
    }

    /** @param engAra FreeDict English→Arabic, keyed by lower case */
    public static DictionaryQueryTranslator englishToArabic(
            DictdDictionary engAra, CountryNames countries, int maxSenses) {
        return new DictionaryQueryTranslator("en", "ar", engAra, countries::arabic, maxSenses, true);
    }

    /**
     * @param araEng FreeDict Arabic→English, keyed by normalised Arabic spelling. Its senses are
     *               listed alphabetically, not by frequency ("نقطة": Delimiter, Pt, Point…), so
     *               they share a word's weight equally and twice as many are used.
     */
    public static DictionaryQueryTranslator arabicToEnglish(
            DictdDictionary araEng, CountryNames countries, int maxSenses) {
        return new DictionaryQueryTranslator("ar", "en", araEng, countries::english, 2 * maxSenses, false);
    }

    public String sourceLanguage() {
        return source;
    }

    public String targetLanguage() {
        return target;
    }

    /** The question's search terms in the target language, heaviest meaning first; empty when nothing translates. */
    public List<WeightedTerm> translate(String question) {
        return translate(question, NameIndex.empty());
    }

    /**
     * @param names the target language's archive words by transliteration key: a word the
     *              dictionary does not know is looked up there as a name written in the other script
     */
    List<WeightedTerm> translate(String question, NameIndex names) {
        Map<String, Double> terms = new LinkedHashMap<>();
        for (List<WeightedTerm> word : translateByWord(question, names)) {
            word.forEach(term -> add(terms, term.text(), term.weight()));
        }
        List<WeightedTerm> result = new ArrayList<>(terms.size());
        terms.forEach((text, weight) -> result.add(new WeightedTerm(text, weight)));
        return result;
    }

    /**
     * The same translation kept per question word (or multi-word entry): each inner list holds
     * the alternatives for one word, so that a caller can ask "is this word translated anywhere
     * in the sentence" rather than sum weights that were split across senses and spellings.
     */
    public List<List<WeightedTerm>> translateByWord(String question) {
        return translateByWord(question, NameIndex.empty());
    }

    List<List<WeightedTerm>> translateByWord(String question, NameIndex names) {
        List<QuestionWords.Word> read = QuestionWords.read(question, source);
        List<String> words = read.stream().map(QuestionWords.Word::text).toList();
        List<List<WeightedTerm>> translated = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Map<String, Double> alternatives = new LinkedHashMap<>();
            int matched = translatePhrase(words, i, names, alternatives);
            if (matched > 0) {
                i += matched;
            } else {
                translateWord(words.get(i), i == 0, read.get(i).afterArticle(), names, alternatives);
                i++;
            }
            if (!alternatives.isEmpty()) {
                List<WeightedTerm> word = new ArrayList<>(alternatives.size());
                alternatives.forEach((text, weight) -> word.add(new WeightedTerm(text, weight)));
                translated.add(word);
            }
        }
        return translated;
    }

    private List<String> words(String question) {
        return QuestionWords.of(question, source);
    }

    /** Country names and multi-word entries, longest first; returns how many words were used, or 0. */
    private int translatePhrase(List<String> words, int start, NameIndex names, Map<String, Double> terms) {
        for (int length = Math.min(LONGEST_PHRASE, words.size() - start); length >= 2; length--) {
            List<String> phraseWords = words.subList(start, start + length);
            if (isStopWord(phraseWords.get(0)) || isStopWord(phraseWords.get(length - 1))) {
                continue;
            }
            String phrase = String.join(" ", phraseWords);
            Optional<List<String>> month = NumberAndDateWords.translatePhrase(phrase, source); // كانون الثاني
            if (month.isPresent()) {
                month.get().forEach(rendering -> add(terms, rendering, 1.0));
                return length;
            }
            Optional<String> country = countryName.apply(phrase);
            if (country.isPresent()) {
                add(terms, country.get(), 1.0);
                return length;
            }
            List<String> senses = dictionary.senses(phrase);
            if (!senses.isEmpty()) {
                addSenses(terms, senses, names);
                return length;
            }
        }
        return 0;
    }

    private void translateWord(
            String word, boolean firstWord, boolean afterArticle, NameIndex names, Map<String, Double> terms) {
        boolean capitalisedInside = !firstWord && Character.isUpperCase(word.charAt(0));
        Optional<List<String>> numberOrDate = NumberAndDateWords.translate(word, source);
        boolean stopWord = Character.isLetter(word.charAt(0)) && isStopWord(word);
        if (numberOrDate.isPresent() && (capitalisedInside || !stopWord)) { // "May 2015", not "may"
            List<String> renderings = numberOrDate.get();
            renderings.forEach(rendering -> add(terms, rendering, 1.0 / renderings.size()));
            List<String> senses = "ar".equals(source) && !NUMBER.matcher(word).matches() ? senses(word) : List.of();
            if (!senses.isEmpty()) { // اب is August and "father", مارس March and "practised"
                addSenses(terms, senses, names);
            }
            return;
        }
        if (stopWord || !Character.isLetter(word.charAt(0))) {
            return;
        }
        Optional<String> country = countryName.apply(word);
        if (country.isPresent()) {
            add(terms, country.get(), 1.0);
            return;
        }
        List<String> senses = senses(word);
        boolean name = "en".equals(source) && capitalisedInside;
        if (!senses.isEmpty()) {
            addSenses(terms, senses, names);
            if ("ar".equals(source)) { // بول: "urine" to the dictionary, "Bowl" in the archive
                names.match(word, nameKeys(word), KNOWN_WORD_AS_NAME_WEIGHT)
                        .forEach(term -> add(terms, term.text(), term.weight()));
            }
            if (name) { // "Panthers", "Apple": the dictionary's common noun, or a name
                names.match(word, nameKeys(word), afterArticle, 1.0)
                        .forEach(term -> add(terms, term.text(), term.weight()));
                NameTransliterator.spellings(word).forEach(spelling -> add(terms, spelling, 1.0));
            }
            return;
        }
        // Unknown to the dictionary: most likely a name, spelled in the archive's other script.
        names.match(word, nameKeys(word), afterArticle, 1.0).forEach(term -> add(terms, term.text(), term.weight()));
        if ("en".equals(source)) {
            // Latin names sometimes appear as they are in Arabic text; otherwise one of the Arabic spellings may.
            add(terms, word, 1.0);
            NameTransliterator.spellings(word).forEach(spelling -> add(terms, spelling, 1.0));
        }
    }

    /**
     * The words of a text in the source language that the dictionary, the country names and the
     * number and date words all leave untranslated (stop words aside), in order, each once: in
     * news mostly names. An Arabic word counts as known when one of its inflection bases is
     * ({@link HeadwordForms#arabicInflectionBases}).
     */
    List<String> untranslatedWords(String text) {
        List<String> untranslated = new ArrayList<>();
        for (String word : words(text)) {
            if (!Character.isLetter(word.charAt(0))
                    || isStopWord(word)
                    || untranslated.contains(word)
                    || NumberAndDateWords.translate(word, source).isPresent()
                    || countryName.apply(word).isPresent()
                    || !senses(word).isEmpty()
                    || isInflectedKnownWord(word)) {
                continue;
            }
            untranslated.add(word);
        }
        return untranslated;
    }

    private boolean isInflectedKnownWord(String word) {
        return "ar".equals(source)
                && HeadwordForms.arabicInflectionBases(word).stream()
                        .anyMatch(base -> !dictionary.senses(base).isEmpty()
                                || !dictionary.senses("ال" + base).isEmpty());
    }

    /**
     * The word's transliteration keys, for finding it as a name among the archive's words; an
     * English word in -s also under its singular, as far as a key one class away ("iPhones":
     * آيفون; Casillas: كاسياس, one class from its own key, not كسل of the singular's).
     */
    private List<NameKey> nameKeys(String word) {
        List<NameKey> keys = new ArrayList<>(transliterationKeys(word, source));
        if ("en".equals(source) && word.length() > 4 && word.endsWith("s") && !word.endsWith("ss")) {
            keys.add(new NameKey(
                    TransliterationKey.latin(word.substring(0, word.length() - 1)), NameIndex.FUZZY_DISTANCE));
        }
        return keys;
    }

    /**
     * How the archive's words of the target language are indexed by transliteration key. Common
     * words are indexed too (leaving out the words the dictionary gives as translations lost more
     * than it gained: "super", "panthers" are names here;
     * docs/results/2026-11-29-cross-lingual.md).
     */
    List<NameKey> targetKeys(String archiveWord) {
        return transliterationKeys(archiveWord, target);
    }

    /**
     * A Latin word's one key; an Arabic word's keys as written, without its article (names carry
     * it: الرياض) and, one step further, without a proclitic (والرياض, بالرياض).
     */
    static List<NameKey> transliterationKeys(String word, String language) {
        if ("en".equals(language)) {
            return List.of(new NameKey(TransliterationKey.latin(word), 0));
        }
        List<NameKey> keys = new ArrayList<>();
        for (String form : HeadwordForms.arabicName(word)) {
            int proclitic = form.equals(word) || ("ال" + form).equals(word) ? 0 : 1;
            TransliterationKey.arabicKeys(form)
                    .forEach(key -> keys.add(new NameKey(key.key(), key.distance() + proclitic)));
        }
        return keys;
    }

    /** Senses of the word under its first headword form, then of its lemma when that is another entry. */
    private List<String> senses(String word) {
        List<String> forms = "en".equals(source) ? HeadwordForms.english(word) : HeadwordForms.arabic(word);
        List<String> senses = new ArrayList<>();
        int formsFound = 0;
        for (String form : forms) {
            List<String> found = dictionary.senses(form);
            if (found.isEmpty()) {
                continue;
            }
            found.stream().filter(sense -> !senses.contains(sense)).forEach(senses::add);
            if (++formsFound == 2) {
                break;
            }
        }
        return senses;
    }

    /**
     * Spreads a word's weight of 1 over its first senses: 1, 1/2, 1/3… normalised, or equally when
     * the order means nothing. Senses that occur nowhere in the archive are passed over (when any
     * other does), so that they neither take a share of the weight nor a place among the first.
     */
    private void addSenses(Map<String, Double> terms, List<String> allSenses, NameIndex archiveWords) {
        List<String> occurring = allSenses.stream().filter(archiveWords::occurs).toList();
        List<String> senses = occurring.isEmpty() ? allSenses : occurring;
        int used = Math.min(maxSenses, senses.size());
        double total = 0;
        for (int rank = 1; rank <= used; rank++) {
            total += senseWeight(rank);
        }
        for (int rank = 1; rank <= used; rank++) {
            String sense = senses.get(rank - 1);
            double weight = senseWeight(rank) / total;
            add(terms, sense, weight);
            if ("ar".equals(target) && archiveWords.knowsWords()) {
                addSurfaceForms(terms, sense, weight, archiveWords);
            }
        }
    }

    /**
     * The forms in which the archive writes an Arabic sense ({@link ArabicSurfaceForms}: bare or
     * definite, feminine, relational, dual, plural), each whose search term the sense's own does
     * not already give and the archive holds (none when its words are unknown: an unchecked form
     * would only dilute the query), at {@link #SURFACE_FORM_WEIGHT} of the sense's weight.
     */
    private static void addSurfaceForms(
            Map<String, Double> terms, String sense, double weight, NameIndex archiveWords) {
        for (ArabicSurfaceForms.Form form : ArabicSurfaceForms.searchForms(sense)) {
            if (archiveWords.holdsTerm(form.term())) {
                add(terms, form.text(), weight * SURFACE_FORM_WEIGHT);
            }
        }
    }

    private double senseWeight(int rank) {
        return sensesByFrequency ? 1.0 / rank : 1.0;
    }

    private static void add(Map<String, Double> terms, String text, double weight) {
        terms.merge(text, weight, Double::sum);
    }

    private boolean isStopWord(String word) {
        return QuestionWords.isStopWord(word, source);
    }
}
