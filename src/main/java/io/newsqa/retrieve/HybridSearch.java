package io.newsqa.retrieve;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsqa.archive.ArchiveSearch;
import io.newsqa.archive.ArticleHeader;
import io.newsqa.archive.ArticleHit;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.LexicalRanking;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.WeightedTerm;
import io.newsqa.retrieve.time.AppliedFilter;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.retrieve.time.RecencyPrior;
import io.newsqa.retrieve.time.TimeReading;
import io.newsqa.translate.CrossLingualRanking;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Dense and lexical search of the archive, and the question's translations searched in the
 * archive's other language, fused by weighted reciprocal rank fusion, with caps on chunks per
 * article and per story so that neither one long article nor one wire story run by several
 * outlets ({@link ArticleHeader#storyId()}) fills the whole context. Time in the
 * question ({@link QuestionTime}) narrows the dates searched or, for "latest", boosts newer articles.
 *
 * <p>Each lexical search (the question's own words, and each translation) ranks twice: chunks,
 * and whole articles ({@link ArchiveSearch#articleLexicalSearch}). Its fusion weight is split
 * between the two, {@link #ARTICLE_WEIGHT} times as much for the article's rank as for the chunk's,
 * so that the lexical evidence as a whole still weighs what it did against the dense ranking.
 * The article ranks the candidates, the chunk ranking orders an article's passages.
 */
public final class HybridSearch {

    /** How many candidates each ranker contributes per requested passage. */
    private static final int CANDIDATES_PER_RESULT = 4;
    /**
     * How much deeper a translated question's chunk ranking reaches than its article ranking. An
     * article ranked among the candidates counts only through a chunk of it that some ranking
     * found, and a translated question's many light senses fall into different chunks of a long
     * news article: on the newsroom dev set the gold article of English questions was ranked
     * 1st–3rd by the article ranking and left out for want of a chunk among the first 40, its best
     * chunk 47th–104th (docs/results/2026-12-07-en-news.md; one value tried). The question's own
     * language keeps chunk and article rankings equally deep: deeper, its chunks of other stories
     * outranked the right article in the sample archive's conversations.
     */
    static final int CHUNK_DEPTH = 5;
    /**
     * Weight of a lexical search's article ranking, relative to its chunk ranking: above 1 the
     * article decides which candidates rank first, and its chunks' own ranks only break ties and
     * order its passages (chosen on XQuAD, docs/results/2026-11-29-cross-lingual.md).
     */
    static final double ARTICLE_WEIGHT = 2.0;

    /**
     * {@link #ARTICLE_WEIGHT} for a translated question's rankings: the article ranking all but
     * decides, its chunk ranking breaks ties. A translated question's many light senses fall into
     * different chunks of a long news article, so its chunk ranking says little about which article
     * answers: on the newsroom dev set the gold article was often first by the translated article ranking
     * and left below the fifth place by its best chunk's rank (newsroom dev en→ar r@5 45 → 50 of
     * 84 at 20; weights 2 / 5 / 20 / 1000 gave 46 / 48 / 51 / 52 in a variant of the translation,
     * XQuAD dev, paragraphs of about four chunks, en→ar r@5 0.902 / 0.900 / 0.902 / –;
     * docs/results/2026-12-07-crossling3-3.md).
     */
    static final double TRANSLATED_ARTICLE_WEIGHT = 20;

    private final ArchiveSearch archive;
    private final EmbeddingModel embeddings;
    private final Function<String, FusionWeights> weightsByLanguage;
    private final int maxChunksPerArticle;
    private final int maxChunksPerStory;
    private final CrossLingualRanking crossLingual;
    private final QuestionTime time;
    private final boolean crossLanguageDense;

    /** The passages found, and what time in the question did to the search ({@code null}: nothing). */
    public record Found(List<RetrievedPassage> passages, AppliedFilter appliedFilter) {}

    /**
     * How the rankings are weighed and the passages capped.
     *
     * @param weightsByLanguage  the fusion weights for a question's language
     * @param maxChunksPerArticle at most this many passages of one article
     * @param maxChunksPerStory  at most this many passages of one story, all its articles together
     * @param crossLanguageDense whether the dense and untranslated lexical rankings also count for
     *                           chunks in another language than the question's when the question was
     *                           translated: true only for a multilingual embedding model. The built-in
     *                           models are English-only, so their similarity between an English question
     *                           and an Arabic chunk is noise that reorders the translated ranking's top ranks.
     */
    public record Settings(
            Function<String, FusionWeights> weightsByLanguage,
            int maxChunksPerArticle,
            int maxChunksPerStory,
            boolean crossLanguageDense) {

        public Settings {
            if (maxChunksPerArticle < 1 || maxChunksPerStory < 1) {
                throw new IllegalArgumentException("maxChunksPerArticle and maxChunksPerStory must be at least 1");
            }
        }

        /** These weights, at most {@code maxChunksPerArticle} passages of an article and of a story. */
        public static Settings of(Function<String, FusionWeights> weightsByLanguage, int maxChunksPerArticle) {
            return new Settings(weightsByLanguage, maxChunksPerArticle, maxChunksPerArticle, false);
        }
    }

    /** A search without translation into the other language and without time words. */
    public HybridSearch(ArchiveSearch archive, EmbeddingModel embeddings, Settings settings) {
        this(archive, embeddings, settings, CrossLingualRanking.off(), QuestionTime.off());
    }

    /**
     * @param crossLingual the question translated and searched in the archive's other language, fused as a third ranking
     * @param time         how time words and recency cues in the question change the search
     */
    public HybridSearch(
            ArchiveSearch archive,
            EmbeddingModel embeddings,
            Settings settings,
            CrossLingualRanking crossLingual,
            QuestionTime time) {
        this.archive = archive;
        this.embeddings = embeddings;
        this.weightsByLanguage = settings.weightsByLanguage();
        this.maxChunksPerArticle = settings.maxChunksPerArticle();
        this.maxChunksPerStory = settings.maxChunksPerStory();
        this.crossLingual = crossLingual;
        this.time = time;
        this.crossLanguageDense = settings.crossLanguageDense();
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
        return find(time.read(question, filter), language, limit);
    }

    /**
     * The question's topic over every date: its time words taken out of the search text as by
     * {@link #find}, but no date window set by them (the request's own filter still applies). For
     * offering the newest coverage when the window a question asked for holds nothing.
     */
    public Found findAcrossTime(String question, String language, SearchFilter filter, int limit) {
        TimeReading reading = time.read(question, filter);
        return find(new TimeReading(reading.searchText(), filter, null, RecencyPrior.NONE), language, limit);
    }

    /** The question as the rankers search it: without its time expression, which a date window stands for. */
    public String withoutTimeWords(String question) {
        return time.read(question, SearchFilter.none()).searchText();
    }

    private Found find(TimeReading reading, String language, int limit) {
        String text = reading.searchText();
        FusionWeights weights = weightsByLanguage.apply(language);
        int candidates = limit * CANDIDATES_PER_RESULT;
        int translatedChunks = candidates * CHUNK_DEPTH;
        List<ChunkHit> dense = weights.dense() > 0
                ? archive.denseSearch(embeddings.embed(text).content().vector(), candidates, reading.filter())
                : List.of();
        LexicalRanking lexical = weights.lexical() > 0
                ? new LexicalRanking(
                        archive.lexicalSearch(text, language, candidates, reading.filter()),
                        archive.articleLexicalSearch(
                                List.of(new WeightedTerm(text, 1)), language, candidates, reading.filter()))
                : LexicalRanking.ofChunks(List.of());
        List<LexicalRanking> translated =
                crossLingual.rankings(text, language, candidates, translatedChunks, reading.filter());
        return new Found(
                fuse(dense, lexical, translated, weights, reading.prior(), language, limit), reading.applied());
    }

    /**
     * The bodies of the passages' articles by id, read only for the passages kept: hits carry no
     * bodies. An article deleted since the search is absent.
     */
    public Map<String, String> bodiesOf(List<RetrievedPassage> passages) {
        if (passages.isEmpty()) {
            return Map.of();
        }
        return archive.bodies(
                passages.stream().map(passage -> passage.hit().article().id()).collect(Collectors.toSet()));
    }

    /** The newest article's publication time ({@link ArchiveSearch#newestPublication}), for telling readers where the archive ends. */
    public Optional<OffsetDateTime> newestPublication() {
        return archive.newestPublication();
    }

    List<RetrievedPassage> fuse(List<ChunkHit> dense, List<ChunkHit> lexical, FusionWeights weights, int limit) {
        return fuse(dense, LexicalRanking.ofChunks(lexical), List.of(), weights, RecencyPrior.NONE, null, limit);
    }

    /**
     * @param translated the cross-lingual rankings (dictionary, language model), each fused with the translation weight
     * @param prior      the question's recency prior ({@link RecencyPrior#NONE} for none) multiplies each fused score
     * @param language   the question's language: when there are translated rankings, chunks of other
     *                   languages count by them alone (unless {@code crossLanguageDense})
     */
    List<RetrievedPassage> fuse(
            List<ChunkHit> dense,
            LexicalRanking lexical,
            List<LexicalRanking> translated,
            FusionWeights weights,
            RecencyPrior prior,
            String language,
            int limit) {
        // Without a translation the untranslated rankings are all an other-language chunk has, noise or not.
        boolean translatedOnlyAcross = !crossLanguageDense && !translated.isEmpty();
        Map<String, ChunkHit> hits = new LinkedHashMap<>();
        Map<String, Integer> denseRanks = chunkRanks(dense, hits);
        Map<String, Integer> lexicalRanks = chunkRanks(lexical.chunks(), hits);
        Map<String, Integer> lexicalArticleRanks = articleRanks(lexical.articles());
        List<Map<String, Integer>> translatedRanks = translated.stream()
                .map(ranking -> chunkRanks(ranking.chunks(), hits))
                .toList();
        List<Map<String, Integer>> translatedArticleRanks = translated.stream()
                .map(ranking -> articleRanks(ranking.articles()))
                .toList();
        List<Candidate> fused = new ArrayList<>(hits.size());
        for (Map.Entry<String, ChunkHit> entry : hits.entrySet()) {
            String articleId = entry.getValue().article().id();
            boolean untranslatedCount = !translatedOnlyAcross
                    || language.equals(entry.getValue().article().language());
            int denseRank = untranslatedCount ? denseRanks.getOrDefault(entry.getKey(), 0) : 0;
            int lexicalRank = untranslatedCount ? lexicalRanks.getOrDefault(entry.getKey(), 0) : 0;
            int lexicalArticleRank = untranslatedCount ? lexicalArticleRanks.getOrDefault(articleId, 0) : 0;
            double score = contribution(weights.dense(), denseRank, weights.k())
                    + lexicalContribution(weights.lexical(), lexical, lexicalRank, lexicalArticleRank, weights.k());
            // The chunk's own evidence, every ranking at its full weight and no article rank: the
            // order of an article's passages, untouched by the article ranking.
            double passageScore = contribution(weights.dense(), denseRank, weights.k())
                    + contribution(weights.lexical(), lexicalRank, weights.k());
            for (int i = 0; i < translated.size(); i++) {
                int translatedRank = translatedRanks.get(i).getOrDefault(entry.getKey(), 0);
                score += lexicalContribution(
                        crossLingual.weight(),
                        TRANSLATED_ARTICLE_WEIGHT,
                        translated.get(i),
                        translatedRank,
                        translatedArticleRanks.get(i).getOrDefault(articleId, 0),
                        weights.k());
                passageScore += contribution(crossLingual.weight(), translatedRank, weights.k());
            }
            double boost = prior.boost(entry.getValue().article().publishedAt());
            fused.add(new Candidate(
                    new RetrievedPassage(entry.getValue(), score * boost, denseRank, lexicalRank),
                    passageScore * boost));
        }
        // On equal scores the reader's language goes first: a translated copy of a story found as
        // well as the original ties with it at equal ranks, and the original is the better quote.
        fused.sort(Comparator.comparingDouble(
                        (Candidate candidate) -> candidate.passage().fusedScore())
                .reversed()
                .thenComparing(candidate -> language == null
                        || !language.equals(candidate.passage().hit().article().language())));
        return capped(fused, limit);
    }

    /** A fused passage, and the score of its own evidence that orders it among its article's passages. */
    private record Candidate(RetrievedPassage passage, double passageScore) {}

    /** Ranks of chunks by key ({@link #ranks}); each chunk is also recorded as a candidate in {@code hits}. */
    private static Map<String, Integer> chunkRanks(List<ChunkHit> ranking, Map<String, ChunkHit> hits) {
        ranking.forEach(hit -> hits.putIfAbsent(hit.key(), hit));
        return ranks(ranking, ChunkHit::key, ChunkHit::score);
    }

    /** Ranks of articles by id: they only rescore candidates some chunk ranking found. */
    private static Map<String, Integer> articleRanks(List<ArticleHit> ranking) {
        return ranks(ranking, ArticleHit::articleId, ArticleHit::score);
    }

    /**
     * 1-based ranks, equal scores sharing the best rank of their group ("1, 2, 2, 4"): a ranker
     * that cannot tell two chunks apart must not favour whichever it happened to list first.
     */
    private static <T> Map<String, Integer> ranks(List<T> ranking, Function<T, String> key, ToDoubleFunction<T> score) {
        Map<String, Integer> ranks = new HashMap<>();
        int rank = 0;
        for (int i = 0; i < ranking.size(); i++) {
            T hit = ranking.get(i);
            if (i == 0 || score.applyAsDouble(hit) != score.applyAsDouble(ranking.get(i - 1))) {
                rank = i + 1;
            }
            ranks.putIfAbsent(key.apply(hit), rank);
        }
        return ranks;
    }

    /**
     * A lexical search's share of a chunk's score: its weight split between the chunk's rank and
     * its article's. Without an article ranking (an embedded archive indexed before there was
     * one), the chunk's own rank counts for the whole weight, as it always did.
     */
    private static double lexicalContribution(
            double weight, LexicalRanking ranking, int chunkRank, int articleRank, int k) {
        return lexicalContribution(weight, ARTICLE_WEIGHT, ranking, chunkRank, articleRank, k);
    }

    private static double lexicalContribution(
            double weight, double articleWeight, LexicalRanking ranking, int chunkRank, int articleRank, int k) {
        if (ranking.articles().isEmpty()) {
            return contribution(weight, chunkRank, k);
        }
        double chunkShare = 1 / (1 + articleWeight);
        return contribution(weight * chunkShare, chunkRank, k)
                + contribution(weight * (1 - chunkShare), articleRank, k);
    }

    private static double contribution(double weight, int rank, int k) {
        return rank == 0 ? 0 : weight / (k + rank);
    }

    /**
     * The best {@code limit} passages, at most {@code maxChunksPerArticle} of each article and
     * {@code maxChunksPerStory} of each story (an article and the copies linked to it). The fused
     * score says where an article's passages go; which of its chunks fill those places, in which
     * order, its chunks' own evidence says (with weights where the dense ranking counts, the
     * article rank shared by all of them would otherwise let the dense ranking pick them).
     */
    private List<RetrievedPassage> capped(List<Candidate> ranked, int limit) {
        Map<String, List<Candidate>> byArticle = new HashMap<>();
        for (Candidate candidate : ranked) {
            byArticle
                    .computeIfAbsent(candidate.passage().hit().article().id(), id -> new ArrayList<>())
                    .add(candidate);
        }
        byArticle
                .values()
                .forEach(passages -> passages.sort(
                        Comparator.comparingDouble(Candidate::passageScore).reversed()));
        Map<String, Integer> perArticle = new HashMap<>();
        Map<String, Integer> perStory = new HashMap<>();
        List<RetrievedPassage> result = new ArrayList<>(limit);
        for (Candidate place : ranked) {
            if (result.size() == limit) {
                break;
            }
            ArticleHeader article = place.passage().hit().article();
            int taken = perArticle.getOrDefault(article.id(), 0);
            if (taken < maxChunksPerArticle && perStory.getOrDefault(article.storyId(), 0) < maxChunksPerStory) {
                perArticle.merge(article.id(), 1, Integer::sum);
                perStory.merge(article.storyId(), 1, Integer::sum);
                RetrievedPassage chunk = byArticle.get(article.id()).get(taken).passage();
                result.add(new RetrievedPassage(
                        chunk.hit(), place.passage().fusedScore(), chunk.denseRank(), chunk.lexicalRank()));
            }
        }
        return result;
    }
}
