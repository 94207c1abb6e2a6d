package io.newsqa.retrieve;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.retrieve.time.AppliedFilter;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.retrieve.time.RecencyPrior;
import io.newsqa.retrieve.time.TimeReading;
import io.newsqa.translate.CrossLingualRanking;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Dense and lexical search of the archive, and the question's translations searched in the
 * archive's other language, fused by weighted reciprocal rank fusion, with caps on chunks per
 * article and per story so that neither one long article nor one wire story run by several
 * outlets ({@link io.newsqa.archive.Article#storyId()}) fills the whole context. Time in the
 * question ({@link QuestionTime}) narrows the dates searched or, for "latest", boosts newer articles.
 */
public final class HybridSearch {

    /** How many candidates each ranker contributes per requested passage. */
    private static final int CANDIDATES_PER_RESULT = 4;

    private final ArchiveIndex archive;
    private final EmbeddingModel embeddings;
    private final Function<String, FusionWeights> weightsByLanguage;
    private final int maxChunksPerArticle;
    private final int maxChunksPerStory;
    private final CrossLingualRanking crossLingual;
    private final QuestionTime time;
    private final boolean crossLanguageDense;

    /** The passages found, and what time in the question did to the search ({@code null}: nothing). */
    public record Found(List<RetrievedPassage> passages, AppliedFilter appliedFilter) {
    }

    public HybridSearch(ArchiveIndex archive, EmbeddingModel embeddings,
                        Function<String, FusionWeights> weightsByLanguage, int maxChunksPerArticle) {
        this(archive, embeddings, weightsByLanguage, maxChunksPerArticle, CrossLingualRanking.off(), QuestionTime.off());
    }

    /**
     * @param crossLingual the question translated and searched in the archive's other language, fused as a third ranking
     * @param time         how time words and recency cues in the question change the search
     */
    public HybridSearch(ArchiveIndex archive, EmbeddingModel embeddings, Function<String, FusionWeights> weightsByLanguage,
                        int maxChunksPerArticle, CrossLingualRanking crossLingual, QuestionTime time) {
        this(archive, embeddings, weightsByLanguage, maxChunksPerArticle, crossLingual, time, false);
    }

    /**
     * @param crossLanguageDense whether the dense and untranslated lexical rankings also count for
     *                           chunks in another language than the question's when the question was
     *                           translated: true only for a multilingual embedding model. The built-in
     *                           models are English-only, so their similarity between an English question
     *                           and an Arabic chunk is noise that reorders the translated ranking's top ranks.
     */
    public HybridSearch(ArchiveIndex archive, EmbeddingModel embeddings, Function<String, FusionWeights> weightsByLanguage,
                        int maxChunksPerArticle, CrossLingualRanking crossLingual, QuestionTime time,
                        boolean crossLanguageDense) {
        this(archive, embeddings, weightsByLanguage, maxChunksPerArticle, crossLingual, time, crossLanguageDense,
                maxChunksPerArticle);
    }

    /**
     * @param maxChunksPerStory at most this many passages of one story, all its articles together
     */
    public HybridSearch(ArchiveIndex archive, EmbeddingModel embeddings, Function<String, FusionWeights> weightsByLanguage,
                        int maxChunksPerArticle, CrossLingualRanking crossLingual, QuestionTime time,
                        boolean crossLanguageDense, int maxChunksPerStory) {
        if (maxChunksPerArticle < 1 || maxChunksPerStory < 1) {
            throw new IllegalArgumentException("maxChunksPerArticle and maxChunksPerStory must be at least 1");
        }
        this.archive = archive;
        this.embeddings = embeddings;
        this.weightsByLanguage = weightsByLanguage;
        this.maxChunksPerArticle = maxChunksPerArticle;
        this.maxChunksPerStory = maxChunksPerStory;
        this.crossLingual = crossLingual;
        this.time = time;
        this.crossLanguageDense = crossLanguageDense;
    }

    /**
     * @param question the reader's question
     * @param language the question's language (ISO 639-1)
     * @param filter   restrictions on the articles searched
     * @param limit    how many passages to return at most
     */
    public List<RetrievedPassage> search(String question, String language, SearchFilter filter, int limit) {
        return find(question, language, filter, limit).passages();
    }

    /** {@link #search}, telling also which date window or recency prior the question's time words set. */
    public Found find(String question, String language, SearchFilter filter, int limit) {
        TimeReading reading = time.read(question, filter);
        String text = reading.searchText();
        FusionWeights weights = weightsByLanguage.apply(language);
        int candidates = limit * CANDIDATES_PER_RESULT;
        List<ChunkHit> dense = weights.dense() > 0
                ? archive.denseSearch(embeddings.embed(text).content().vector(), candidates, reading.filter())
                : List.of();
        List<ChunkHit> lexical = weights.lexical() > 0
                ? archive.lexicalSearch(text, language, candidates, reading.filter())
                : List.of();
        List<List<ChunkHit>> translated = crossLingual.rankings(text, language, candidates, reading.filter());
        return new Found(fuse(dense, lexical, translated, weights, reading.prior(), language, limit), reading.applied());
    }

    List<RetrievedPassage> fuse(List<ChunkHit> dense, List<ChunkHit> lexical, FusionWeights weights, int limit) {
        return fuse(dense, lexical, List.of(), weights, RecencyPrior.NONE, null, limit);
    }

    /**
     * @param translated the cross-lingual rankings (dictionary, language model), each fused with the translation weight
     * @param prior      the question's recency prior ({@link RecencyPrior#NONE} for none) multiplies each fused score
     * @param language   the question's language: when there are translated rankings, chunks of other
     *                   languages count by them alone (unless {@code crossLanguageDense})
     */
    List<RetrievedPassage> fuse(List<ChunkHit> dense, List<ChunkHit> lexical, List<List<ChunkHit>> translated,
                                FusionWeights weights, RecencyPrior prior, String language, int limit) {
        // Without a translation the untranslated rankings are all an other-language chunk has, noise or not.
        boolean translatedOnlyAcross = !crossLanguageDense && !translated.isEmpty();
        Map<String, ChunkHit> hits = new LinkedHashMap<>();
        Map<String, Integer> denseRanks = ranks(dense, hits);
        Map<String, Integer> lexicalRanks = ranks(lexical, hits);
        List<Map<String, Integer>> translatedRanks = translated.stream().map(ranking -> ranks(ranking, hits)).toList();
        List<RetrievedPassage> fused = new ArrayList<>(hits.size());
        for (Map.Entry<String, ChunkHit> entry : hits.entrySet()) {
            boolean untranslatedCount = !translatedOnlyAcross
                    || language.equals(entry.getValue().article().language());
            int denseRank = untranslatedCount ? denseRanks.getOrDefault(entry.getKey(), 0) : 0;
            int lexicalRank = untranslatedCount ? lexicalRanks.getOrDefault(entry.getKey(), 0) : 0;
            double score = contribution(weights.dense(), denseRank, weights.k())
                    + contribution(weights.lexical(), lexicalRank, weights.k());
            for (Map<String, Integer> ranks : translatedRanks) {
                score += contribution(crossLingual.weight(), ranks.getOrDefault(entry.getKey(), 0), weights.k());
            }
            score *= prior.boost(entry.getValue().article().publishedAt());
            fused.add(new RetrievedPassage(entry.getValue(), score, denseRank, lexicalRank));
        }
        // On equal scores the reader's language goes first: a translated copy of a story found as
        // well as the original ties with it at equal ranks, and the original is the better quote.
        fused.sort(Comparator.comparingDouble(RetrievedPassage::fusedScore).reversed()
                .thenComparing(passage -> language == null || !language.equals(passage.hit().article().language())));
        return capped(fused, limit);
    }

    /**
     * 1-based ranks, equal scores sharing the best rank of their group ("1, 2, 2, 4"): a ranker
     * that cannot tell two chunks apart must not favour whichever it happened to list first.
     */
    private static Map<String, Integer> ranks(List<ChunkHit> ranking, Map<String, ChunkHit> hits) {
        Map<String, Integer> ranks = new HashMap<>();
        int rank = 0;
        for (int i = 0; i < ranking.size(); i++) {
            ChunkHit hit = ranking.get(i);
            if (i == 0 || hit.score() != ranking.get(i - 1).score()) {
                rank = i + 1;
            }
            hits.putIfAbsent(hit.key(), hit);
            ranks.putIfAbsent(hit.key(), rank);
        }
        return ranks;
    }

    private static double contribution(double weight, int rank, int k) {
        return rank == 0 ? 0 : weight / (k + rank);
    }

    /** The best passages, skipping those over the cap of their article or of their story. */
    private List<RetrievedPassage> capped(List<RetrievedPassage> ranked, int limit) {
        Map<String, Integer> perArticle = new HashMap<>();
        Map<String, Integer> perStory = new HashMap<>();
        List<RetrievedPassage> result = new ArrayList<>(limit);
        for (RetrievedPassage passage : ranked) {
            if (result.size() == limit) {
                break;
            }
            Article article = passage.hit().article();
            if (perArticle.getOrDefault(article.id(), 0) < maxChunksPerArticle
                    && perStory.getOrDefault(article.storyId(), 0) < maxChunksPerStory) {
                perArticle.merge(article.id(), 1, Integer::sum);
                perStory.merge(article.storyId(), 1, Integer::sum);
                result.add(passage);
            }
        }
        return result;
    }
}
