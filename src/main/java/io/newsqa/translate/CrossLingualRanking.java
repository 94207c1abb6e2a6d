package io.newsqa.translate;

import io.newsqa.archive.ArchiveSearch;
import io.newsqa.archive.ArticleHit;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.LexicalRanking;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.WeightedTerm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The cross-lingual rankings of hybrid search: the question translated into the archive's other
 * language and searched lexically there, so that an English question finds Arabic articles and
 * back. Two translations, each its own ranking in the fusion: the offline dictionary one, and,
 * with a language model configured, the model's ({@link LlmTranslationMode}). Off (no rankings)
 * when neither is available.
 */
public final class CrossLingualRanking {

    /** The archive languages a language model is asked to translate into (dictionaries bring their own pairs). */
    static final List<String> LLM_LANGUAGES = List.of("ar", "en");

    private static final Duration NAMES_MAX_AGE = Duration.ofMinutes(10);
    private static final CrossLingualRanking OFF = new CrossLingualRanking(null, List.of(), 0);

    private final ArchiveSearch archive;
    private final List<DictionaryQueryTranslator> translators;
    private final double weight;
    private final ArchiveNames names;
    private final LlmQueryTranslator llm;
    private final LlmTranslationMode mode;

    /** @param weight of each translated ranking in reciprocal rank fusion, like the dense and lexical weights */
    public CrossLingualRanking(ArchiveSearch archive, List<DictionaryQueryTranslator> translators, double weight) {
        this(archive, translators, weight, NAMES_MAX_AGE, LlmQueryTranslator.off(), LlmTranslationMode.IN_ADDITION);
    }

    /**
     * @param namesMaxAge how old the index of the archive's names (words matched across scripts)
     *                    may grow before it is rebuilt in the background
     * @param llm         the language model's translation, {@link LlmQueryTranslator#off()} without one
     * @param mode        whether the model's translation replaces the dictionary's or is fused with it
     */
    public CrossLingualRanking(
            ArchiveSearch archive,
            List<DictionaryQueryTranslator> translators,
            double weight,
            Duration namesMaxAge,
            LlmQueryTranslator llm,
            LlmTranslationMode mode) {
        if (weight < 0 || Double.isNaN(weight) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("newsqa.translation.weight must be zero or positive, was " + weight);
        }
        this.archive = archive;
        this.translators = List.copyOf(translators);
        this.weight = weight;
        this.names = new ArchiveNames(archive, namesMaxAge);
        this.llm = llm;
        this.mode = mode;
    }

    public static CrossLingualRanking off() {
        return OFF;
    }

    public boolean enabled() {
        return (!translators.isEmpty() || llm.enabled()) && weight > 0;
    }

    /** The weight of each ranking of {@link #rankings}. */
    public double weight() {
        return weight;
    }

    /**
     * Chunks and articles of other languages matching the translated question, best first: the
     * dictionary's ranking and the language model's, each present when it found a chunk; none
     * when the feature is off or nothing translates from the question's language.
     */
    public List<LexicalRanking> rankings(String question, String language, int limit, SearchFilter filter) {
        return rankings(question, language, limit, limit, filter);
    }

    /**
     * @param limit      how many articles each ranking holds at most
     * @param chunkLimit how many chunks each ranking holds at most: deeper than the articles, so
     *                   that a well-ranked article has a chunk among them
     */
    public List<LexicalRanking> rankings(
            String question, String language, int limit, int chunkLimit, SearchFilter filter) {
        if (!enabled()) {
            return List.of();
        }
        Map<String, String> modelTranslations = llm.enabled()
                ? llm.translate(
                        question,
                        LLM_LANGUAGES.stream()
                                .filter(target -> !target.equals(language))
                                .toList())
                : Map.of();
        List<LexicalRanking> rankings = new ArrayList<>(2);
        List<ChunkHit> byDictionary = new ArrayList<>();
        List<ArticleHit> articlesByDictionary = new ArrayList<>();
        for (DictionaryQueryTranslator translator : translators) {
            if (!translator.sourceLanguage().equals(language)
                    || (mode == LlmTranslationMode.INSTEAD
                            && modelTranslations.containsKey(translator.targetLanguage()))) {
                continue;
            }
            List<WeightedTerm> terms = translator.translate(question, names.of(translator));
            if (!terms.isEmpty()) {
                byDictionary.addAll(
                        archive.weightedLexicalSearch(terms, translator.targetLanguage(), chunkLimit, filter));
                articlesByDictionary.addAll(
                        archive.articleLexicalSearch(terms, translator.targetLanguage(), limit, filter));
            }
        }
        List<ChunkHit> byModel = new ArrayList<>();
        List<ArticleHit> articlesByModel = new ArrayList<>();
        modelTranslations.forEach((target, translation) -> {
            byModel.addAll(archive.lexicalSearch(translation, target, chunkLimit, filter));
            articlesByModel.addAll(
                    archive.articleLexicalSearch(List.of(new WeightedTerm(translation, 1)), target, limit, filter));
        });
        for (LexicalRanking ranking : List.of(
                new LexicalRanking(byDictionary, articlesByDictionary), new LexicalRanking(byModel, articlesByModel))) {
            if (!ranking.isEmpty()) {
                rankings.add(new LexicalRanking(
                        best(ranking.chunks(), ChunkHit::score, chunkLimit),
                        best(ranking.articles(), ArticleHit::score, limit)));
            }
        }
        return rankings;
    }

    /** The best {@code limit} hits; the sort is stable, so one target language's own order is kept. */
    private static <T> List<T> best(List<T> hits, ToDoubleFunction<T> score, int limit) {
        List<T> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingDouble(score).reversed());
        return List.copyOf(sorted.subList(0, Math.min(limit, sorted.size())));
    }
}
