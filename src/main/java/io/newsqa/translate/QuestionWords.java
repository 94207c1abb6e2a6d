package io.newsqa.translate;

import io.newsqa.text.ArabicNormalizer;
import io.newsqa.text.LanguageAnalyzers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question's words as the dictionary translation reads them, and which of them carry nothing
 * to search for (stop words and question words).
 */
final class QuestionWords {

    /** A number (its ordinal suffix left out: "23rd"), a percent sign, or a word. */
    private static final Pattern WORD =
            Pattern.compile("(\\p{N}+(?:[.,٫]\\p{N}+)*)(?:st|nd|rd|th)?|[%٪]|\\p{L}[\\p{L}\\p{M}]*");
    /**
     * The Arabic article as names romanised from Arabic write it, hyphenated (Al-Nassr,
     * al-Shabaab, El-Sisi) or capitalised before a capitalised word (Mohammad Al Mojil): not a
     * word of its own to translate (the dictionary reads "Al" as Alabama), but part of the name
     * that follows, which the archive's words are matched with article or without.
     */
    private static final Pattern LATIN_ARTICLE = Pattern.compile("\\b(?:[Aa]l|[Ee]l)-(?=\\p{L})|\\bAl\\s+(?=\\p{Lu})");

    private static final Pattern ARTICLE_THEN_WORD =
            Pattern.compile("(" + LATIN_ARTICLE.pattern() + ")?(?:" + WORD.pattern() + ")");
    /**
     * Adjectives that after "how" ask for a measure (how old: an age, how long: a time or a
     * length) rather than describe: the answer writes the figure, not the adjective ("how old" is
     * not قديم).
     */
    private static final Set<String> ENGLISH_MEASURE_ADJECTIVES = Set.of("old", "long", "far", "often", "big", "tall");

    /** Question words the analyzers' stop lists keep but a search does not need. */
    private static final Set<String> ENGLISH_QUESTION_WORDS = Set.of(
            "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "did", "do", "does", "done", "many",
            "much", "has", "have", "had", "can", "could", "would", "should", "were", "been", "being", "from", "than",
            "after", "before", "about", "also", "its", "his", "her", "him", "she", "he", "we", "you", "i", "our",
            "your", "one", "some", "any", "other", "most", "more", "during", "while", "over", "under", "between",
            "both", "each", "all", "type", "kind", "may", "might", "must", "shall", "will", "upon");

    private static final Set<String> ARABIC_QUESTION_WORDS = Set.of(
            "ما", "ماذا", "لماذا", "متي", "كيف", "اين", "هل", "من", "كم", "عدد", "اي", "قام", "التي", "الذي", "الذين",
            "اللذان", "هو", "هي", "تم", "كان", "كانت", "يكون", "عن", "في", "علي", "الي");

    private QuestionWords() {}

    /**
     * A word of a question, and whether the Arabic article was written before it in Latin script
     * (Al-Nassr, Al Mojil): such a name is written in Arabic with its article (النصر), which tells
     * it from a look-alike name written without one (ناصر).
     */
    record Word(String text, boolean afterArticle) {}

    /** The words of a text in {@code language} ("en" or "ar"), in order; Arabic normalised. */
    static List<String> of(String text, String language) {
        return read(text, language).stream().map(Word::text).toList();
    }

    /** The words of a text with whether each followed a Latin-script article, which is no word of its own. */
    static List<Word> read(String text, String language) {
        boolean arabic = "ar".equals(language);
        String cleaned = arabic ? ArabicNormalizer.normalize(text) : text;
        Matcher matcher = (arabic ? WORD : ARTICLE_THEN_WORD).matcher(cleaned);
        int number = arabic ? 1 : 2;
        List<Word> words = new ArrayList<>();
        while (matcher.find()) {
            boolean afterArticle = !arabic && matcher.group(1) != null;
            String word = matcher.group(number) != null
                    ? matcher.group(number)
                    : cleaned.substring(afterArticle ? matcher.end(1) : matcher.start(), matcher.end());
            boolean measure = !arabic
                    && !words.isEmpty()
                    && words.get(words.size() - 1).text().equalsIgnoreCase("how")
                    && ENGLISH_MEASURE_ADJECTIVES.contains(word.toLowerCase(Locale.ROOT));
            if (!measure) {
                words.add(new Word(word, afterArticle));
            }
        }
        return words;
    }

    /** Whether a word carries nothing to search for: too short, a question word, or a stop word of the analyzer. */
    static boolean isStopWord(String word, String language) {
        String lower = word.toLowerCase(Locale.ROOT);
        Set<String> questionWords = "en".equals(language) ? ENGLISH_QUESTION_WORDS : ARABIC_QUESTION_WORDS;
        return lower.length() < 2
                || questionWords.contains(lower)
                || LanguageAnalyzers.terms(lower, language).isEmpty();
    }
}
