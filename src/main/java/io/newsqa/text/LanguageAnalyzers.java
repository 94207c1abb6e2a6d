package io.newsqa.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.ArabicStemmer;

/**
 * The one place that decides how text becomes search terms, per language. The embedded archive
 * indexes with these analyzers and the extractive answerer scores sentences with them, so a
 * question matches a sentence exactly when it would match the chunk.
 *
 * <p>Arabic uses the Snowball Arabic stemmer, the same algorithm as PostgreSQL's {@code arabic}
 * text-search configuration, so both archives agree on what a term is. It strips proclitics such
 * as و and ب ("بنتنياهو" and "ونتنياهو" both become "نتنياهو"), which Lucene's light stemmer
 * does not.
 */
public final class LanguageAnalyzers {

    private static final Analyzer ARABIC = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream result = new StopFilter(normalisedWords(source), ArabicStopWords.SET);
            result = new SnowballFilter(result, new ArabicStemmer());
            return new TokenStreamComponents(source, result);
        }
    };

    /** Arabic words normalised, stop words dropped, not stemmed: for a stemmer that runs elsewhere. */
    private static final Analyzer ARABIC_UNSTEMMED = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream result = new LowerCaseFilter(source);
            result = new DecimalDigitFilter(result);
            result = new ArabicNormalizationFilter(result);
            result = new StopFilter(result, ArabicStopWords.SET);
            return new TokenStreamComponents(source, result);
        }
    };

    private static final Analyzer ENGLISH = new EnglishAnalyzer();

    /**
     * Arabic for matching a question's words to a sentence's: Lucene's light stemmer (light10),
     * which removes the article with the conjunctions and prepositions in front of it ("والمدارس",
     * "فالمدرسة", "بالطاقة") and the plural and feminine endings that Snowball leaves ("والث" of
     * "والثاني", "انتاجيه" beside "انتاج"). It leaves a bare ب / ل / ك before a word without the
     * article ("بطاقة", "لمحطة"); {@link #withoutPreposition} gives that form too.
     */
    private static final Analyzer ARABIC_LIGHT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream result = new StopFilter(normalisedWords(source), ArabicStopWords.SET);
            result = new ArabicStemFilter(result);
            return new TokenStreamComponents(source, result);
        }
    };

    /** Other languages: words lower-cased and Arabic letters normalised, no stemming. */
    private static final Analyzer SIMPLE = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, normalisedWords(source));
        }
    };

    private LanguageAnalyzers() {}

    /** Lower case, Western digits, and Arabic spelling variants unified (harmless on other scripts). */
    private static TokenStream normalisedWords(TokenStream words) {
        return new ArabicNormalizationFilter(new DecimalDigitFilter(new LowerCaseFilter(words)));
    }

    /** The analyzer for an ISO 639-1 language code; unknown languages get the simple one. */
    public static Analyzer forLanguage(String language) {
        if ("ar".equals(language)) {
            return ARABIC;
        }
        if ("en".equals(language)) {
            return ENGLISH;
        }
        return SIMPLE;
    }

    /** The search terms of a text, in order, duplicates kept. */
    public static List<String> terms(String text, String language) {
        return tokens(forLanguage(language), text);
    }

    /**
     * The terms by which an answer's sentence is matched to a question's words: for Arabic, light
     * stems ({@link #ARABIC_LIGHT}), which keep apart fewer forms of one word than the index's
     * Snowball stems; other languages as {@link #terms}. Only for comparing two texts with each
     * other, never for the index (PostgreSQL's {@code arabic} configuration is Snowball).
     */
    public static List<String> matchTerms(String text, String language) {
        return "ar".equals(language) ? tokens(ARABIC_LIGHT, text) : terms(text, language);
    }

    /**
     * An Arabic light stem without the one-letter preposition it starts with (ب ل ك, or ف), as
     * long as three letters remain: "بطاق" → "طاق", "لمحط" → "محط". {@code null} when there is none.
     */
    /** Single-letter prepositions and conjunction; the imperfect-verb letters ي ت ن ا measured no better on XQuAD dev. */
    private static final String PREFIXES = "بلكف";

    public static String withoutPreposition(String stem) {
        if (stem.length() >= 4 && PREFIXES.indexOf(stem.charAt(0)) >= 0) {
            return stem.substring(1);
        }
        return null;
    }

    /**
     * The words of a text in any language, lower-cased, Arabic spelling normalised, neither
     * stemmed nor stop words removed: the surface forms, as a name is written.
     */
    public static List<String> words(String text) {
        return tokens(SIMPLE, text);
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory cannot fail", e);
        }
        return terms;
    }

    /**
     * An Arabic text without its stop words, words space-separated and unstemmed, for PostgreSQL
     * whose {@code arabic} configuration stems but has no stop-word list: without this a question's
     * "في" or "ما" would count in its BM25 score. Other languages come back unchanged.
     */
    public static String withoutStopWords(String text, String language) {
        if (!"ar".equals(language)) {
            return text;
        }
        List<String> words = new ArrayList<>();
        try (TokenStream stream = ARABIC_UNSTEMMED.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory cannot fail", e);
        }
        return String.join(" ", words);
    }

    /** Lucene's Arabic stop words, normalised the way the text is before the stop filter. */
    private static final class ArabicStopWords {
        static final CharArraySet SET = normalised(ArabicAnalyzer.getDefaultStopSet());

        private static CharArraySet normalised(CharArraySet words) {
            CharArraySet result = new CharArraySet(words.size() + 16, false);
            org.apache.lucene.analysis.ar.ArabicNormalizer normalizer =
                    new org.apache.lucene.analysis.ar.ArabicNormalizer();
            for (Object word : words) {
                char[] chars = (char[]) word;
                char[] copy = chars.clone();
                int length = normalizer.normalize(copy, copy.length);
                result.add(new String(copy, 0, length));
            }
            // Question words that carry no content in a search.
            for (String extra : List.of("لماذا", "ماذا", "متي", "كيف", "اين", "هل", "من", "ما", "كم", "لم")) {
                result.add(extra);
            }
            return result;
        }
    }
}
