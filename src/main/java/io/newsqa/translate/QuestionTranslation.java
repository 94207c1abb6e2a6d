package io.newsqa.translate;

import io.newsqa.archive.WeightedTerm;
import io.newsqa.text.ArabicNormalizer;
import io.newsqa.text.LanguageAnalyzers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a question word by word for the extractive answerer, so that an English question
 * can quote the Arabic sentences that answer it (and back). Off when no dictionary is installed.
 */
public final class QuestionTranslation {

    private static final QuestionTranslation OFF = new QuestionTranslation(List.of());
    private static final Pattern LETTERS = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");

    private final List<DictionaryQueryTranslator> translators;

    public QuestionTranslation(List<DictionaryQueryTranslator> translators) {
        this.translators = List.copyOf(translators);
    }

    public static QuestionTranslation off() {
        return OFF;
    }

    /** The question in the target language's search terms, or empty when no dictionary covers the pair. */
    public Optional<TranslatedQuestion> translate(String question, String from, String to) {
        return translate(question, from, to, List.of());
    }

    /**
     * The question in the target language's search terms, read against the texts it will be
     * matched with: a name is also looked for among their words (as the search looks for it
     * among the archive's, {@link NameIndex}), and only the forms of a sense that they hold are
     * added. Empty when no dictionary covers the pair.
     *
     * @param texts texts of the target language (the passages to quote from); none: the
     *              dictionary's senses and every form of them, names by their proposed spellings only
     */
    public Optional<TranslatedQuestion> translate(String question, String from, String to, List<String> texts) {
        for (DictionaryQueryTranslator translator : translators) {
            if (translator.sourceLanguage().equals(from)
                    && translator.targetLanguage().equals(to)) {
                NameIndex words = texts.isEmpty()
                        ? NameIndex.empty()
                        : NameIndex.of(vocabulary(texts, to), translator::targetKeys, to);
                return Optional.of(analysed(translator.translateByWord(question, words), to));
            }
        }
        return Optional.empty();
    }

    /** The texts' words (spelling-normalised for Arabic) with the number of texts holding each. */
    private static Map<String, Integer> vocabulary(List<String> texts, String language) {
        Map<String, Integer> vocabulary = new HashMap<>();
        for (String text : texts) {
            String normalised =
                    "ar".equals(language) ? ArabicNormalizer.normalize(text) : text.toLowerCase(Locale.ROOT);
            Set<String> words = new HashSet<>();
            Matcher matcher = LETTERS.matcher(normalised);
            while (matcher.find()) {
                words.add(matcher.group());
            }
            words.forEach(word -> vocabulary.merge(word, 1, Integer::sum));
        }
        return vocabulary;
    }

    /**
     * The words of a text in {@code language} that its dictionary leaves untranslated, in order
     * (mostly names); empty when no dictionary reads that language.
     */
    public List<String> untranslatedWords(String text, String language) {
        for (DictionaryQueryTranslator translator : translators) {
            if (translator.sourceLanguage().equals(language)) {
                return translator.untranslatedWords(text);
            }
        }
        return List.of();
    }

    /** An Arabic word without its proclitics and article, as a name is written alone (والرياض → رياض). */
    public static String bareArabicName(String word) {
        List<String> forms = HeadwordForms.arabicName(word);
        return forms.get(forms.size() - 1);
    }

    /** Whether a word of one language and a word of another may spell the same name (a shared transliteration key). */
    public static boolean sameName(String word, String language, String other, String otherLanguage) {
        Set<String> keys = new HashSet<>();
        DictionaryQueryTranslator.transliterationKeys(word, language).forEach(key -> keys.add(key.key()));
        return DictionaryQueryTranslator.transliterationKeys(other, otherLanguage).stream()
                .anyMatch(key -> key.key().length() >= NameIndex.MIN_KEY && keys.contains(key.key()));
    }

    private static TranslatedQuestion analysed(List<List<WeightedTerm>> byWord, String language) {
        List<TranslatedQuestion.Word> words = new ArrayList<>(byWord.size());
        for (List<WeightedTerm> alternatives : byWord) {
            List<Set<String>> analysed = new ArrayList<>(alternatives.size());
            for (WeightedTerm alternative : alternatives) {
                Set<String> terms = new LinkedHashSet<>(LanguageAnalyzers.terms(alternative.text(), language));
                if (!terms.isEmpty()) {
                    analysed.add(terms);
                }
            }
            if (!analysed.isEmpty()) {
                words.add(new TranslatedQuestion.Word(analysed));
            }
        }
        return new TranslatedQuestion(words);
    }
}
