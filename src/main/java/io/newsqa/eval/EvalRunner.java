package io.newsqa.eval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.embedding.Embeddings;
import io.newsqa.ingest.ArticleIdentity;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.ParsedArticle;
import io.newsqa.eval.SquadFile.Question;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.translate.CrossLingualRanking;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the evaluation: for each archive implementation and each corpus, a fresh archive with one
 * article per paragraph (text only), then every question set over that corpus through every method.
 */
public final class EvalRunner {

    /** Ranks are computed to this depth: recall@10 and MRR@10. */
    static final int DEPTH = 10;

    /**
     * @param archives            {@code embedded} and/or {@code postgres}
     * @param modelId             the embedding model's id, recorded in the fresh archives
     * @param weights             fusion weights per question language, as the product uses them
     * @param maxChunksPerArticle the product's per-article cap
     * @param fusionVariants      extra hybrid runs with other weights, to measure them: name → weights
     * @param database            the PostgreSQL to create the fresh schema in
     */
    public record Settings(List<String> archives, String modelId, Function<String, FusionWeights> weights,
                           int maxChunksPerArticle, Map<String, Function<String, FusionWeights>> fusionVariants,
                           EvalDatabase database) {
    }

    private final Embeddings embeddings;
    private final Chunker chunker;
    private final Settings settings;
    private final PrintStream progress;
    /** {@code null} unless the extractive answers are measured too. */
    private AnswerQuality answers;
    /** Extra hybrid runs with cross-lingual rankings: name → the ranking over the fresh archive. */
    private final Map<String, Function<ArchiveIndex, CrossLingualRanking>> crossLingual = new LinkedHashMap<>();

    /** With a model embedding questions and passages alike. */
    public EvalRunner(EmbeddingModel embeddings, Chunker chunker, Settings settings, PrintStream progress) {
        this(Embeddings.of(settings.modelId(), embeddings), chunker, settings, progress);
    }

    public EvalRunner(Embeddings embeddings, Chunker chunker, Settings settings, PrintStream progress) {
        this.embeddings = embeddings;
        this.chunker = chunker;
        this.settings = settings;
        this.progress = progress;
    }

    /** Also measures the extractive answer on each archive, into {@code quality}. */
    public EvalRunner withAnswers(AnswerQuality quality) {
        this.answers = quality;
        return this;
    }

    /**
     * Adds a hybrid run whose search also fuses the question translated into the archive's other
     * language (dictionary, language model), so that the table shows each direction with and
     * without translation; the plain {@code hybrid} run stays untranslated.
     */
    public EvalRunner withCrossLingual(String name, Function<ArchiveIndex, CrossLingualRanking> ranking) {
        crossLingual.put(name, ranking);
        return this;
    }

    public List<EvalResult> run(List<SquadFile> files) {
        List<QuestionSet> sets = QuestionSet.of(files);
        List<EvalResult> results = new ArrayList<>();
        for (String kind : settings.archives()) {
            for (SquadFile corpus : files) {
                try (EvalArchive fresh = open(kind)) {
                    ArticleIngestor ingestor = new ArticleIngestor(fresh.archive(), embeddings.passages(), chunker);
                    Map<Integer, String> articleIds = ingest(fresh, ingestor, corpus);
                    List<RetrievalMethod> methods = methods(fresh.archive());
                    for (QuestionSet set : sets) {
                        if (set.corpus() == corpus) {
                            results.addAll(evaluate(kind, set, methods, articleIds));
                        }
                    }
                    if (answers != null) {
                        answers.measure(kind, fresh.archive(), productSearch(fresh.archive()), ingestor, corpus, sets,
                                articleIds, progress);
                    }
                }
            }
        }
        for (SquadFile corpus : files) {
            Map<Integer, String> articleIds = new LinkedHashMap<>();
            Map<String, String> texts = new LinkedHashMap<>();
            for (int i = 0; i < corpus.paragraphs().size(); i++) {
                articleIds.put(i, "p" + i);
                texts.put("p" + i, corpus.paragraphs().get(i));
            }
            progress.printf("in-memory: embedding %d paragraphs of %s for the LangChain4j baseline%n", texts.size(), corpus.name());
            List<RetrievalMethod> baseline = List.of(new LangChain4jBaseline(embeddings.model(), texts));
            for (QuestionSet set : sets) {
                if (set.corpus() == corpus) {
                    results.addAll(evaluate("in-memory", set, baseline, articleIds));
                }
            }
        }
        return results;
    }

    private EvalArchive open(String kind) {
        return switch (kind) {
            case "embedded" -> EvalArchive.embedded(settings.modelId(), embeddings.dimension());
            case "postgres" -> EvalArchive.postgres(settings.database(), settings.modelId(), embeddings.dimension());
            default -> throw new IllegalArgumentException("Unknown archive '" + kind + "': use embedded, postgres or both");
        };
    }

    /** One article per paragraph; returns paragraph index → article id (equal texts share one article). */
    private Map<Integer, String> ingest(EvalArchive fresh, ArticleIngestor ingestor, SquadFile corpus) {
        long start = System.nanoTime();
        Map<Integer, String> articleIds = new LinkedHashMap<>();
        for (int i = 0; i < corpus.paragraphs().size(); i++) {
            ingestor.ingest(paragraphArticle(corpus, i));
            String hash = ArticleIdentity.contentHash(corpus.paragraphs().get(i));
            articleIds.put(i, fresh.archive().findByContentHash(hash).orElseThrow().id());
        }
        progress.printf("%s: ingested %d paragraphs of %s (%s) in %.1f s, %d chunks%n", fresh.kind(), articleIds.size(),
                corpus.name(), corpus.language(), (System.nanoTime() - start) / 1e9, fresh.archive().stats().chunks());
        return articleIds;
    }

    /** The article a paragraph becomes. */
    static ParsedArticle paragraphArticle(SquadFile corpus, int paragraph) {
        // No title (see SquadFile), no date: the paragraph's text is all the archive knows.
        return new ParsedArticle("", corpus.paragraphs().get(paragraph), "squad:" + corpus.name() + "#" + paragraph,
                corpus.name(), null, corpus.language());
    }

    /** The hybrid search as the product configures it. */
    private HybridSearch productSearch(ArchiveIndex archive) {
        return new HybridSearch(archive, embeddings.queries(), settings.weights(), settings.maxChunksPerArticle(),
                CrossLingualRanking.off(), QuestionTime.off());
    }

    private List<RetrievalMethod> methods(ArchiveIndex archive) {
        // Time words OFF, explicitly: SQuAD questions name years ("in 1998") while its paragraphs have
        // no dates, so a date filter would find nothing and the figures would collapse.
        HybridSearch hybrid = productSearch(archive);
        List<RetrievalMethod> methods = new ArrayList<>(ArchiveMethods.all(archive, embeddings.queries(), hybrid));
        settings.fusionVariants().forEach((name, weights) -> methods.add(ArchiveMethods.hybrid(name,
                new HybridSearch(archive, embeddings.queries(), weights, settings.maxChunksPerArticle(),
                        CrossLingualRanking.off(), QuestionTime.off()))));
        crossLingual.forEach((name, ranking) -> methods.add(ArchiveMethods.hybrid(name, new HybridSearch(archive, embeddings.queries(),
                settings.weights(), settings.maxChunksPerArticle(), ranking.apply(archive), QuestionTime.off()))));
        return methods;
    }

    private List<EvalResult> evaluate(String kind, QuestionSet set, List<RetrievalMethod> methods, Map<Integer, String> articleIds) {
        List<EvalResult> results = new ArrayList<>();
        for (RetrievalMethod method : methods) {
            MethodScore score = new MethodScore(set.questions().size());
            for (Question question : set.questions()) {
                long start = System.nanoTime();
                RetrievalMethod.Ranking ranking = method.rank(question.text(), set.language(), DEPTH);
                long nanos = System.nanoTime() - start;
                score.add(GoldRank.of(ranking, articleIds.get(question.paragraph())), nanos);
            }
            EvalResult result = score.result(kind, set.name(), method.name());
            progress.printf("%s %s %s: r@1 %.3f r@5 %.3f r@10 %.3f MRR %.3f%n", kind, set.name(), method.name(),
                    result.recallAt1(), result.recallAt5(), result.recallAt10(), result.mrr());
            results.add(result);
        }
        return results;
    }
}
