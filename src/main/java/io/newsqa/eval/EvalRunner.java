package io.newsqa.eval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
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

    private final EmbeddingModel embeddings;
    private final Chunker chunker;
    private final Settings settings;
    private final PrintStream progress;

    public EvalRunner(EmbeddingModel embeddings, Chunker chunker, Settings settings, PrintStream progress) {
        this.embeddings = embeddings;
        this.chunker = chunker;
        this.settings = settings;
        this.progress = progress;
    }

    public List<EvalResult> run(List<SquadFile> files) {
        List<QuestionSet> sets = QuestionSet.of(files);
        List<EvalResult> results = new ArrayList<>();
        for (String kind : settings.archives()) {
            for (SquadFile corpus : files) {
                try (EvalArchive fresh = open(kind)) {
                    Map<Integer, String> articleIds = ingest(fresh, corpus);
                    List<RetrievalMethod> methods = methods(fresh.archive());
                    for (QuestionSet set : sets) {
                        if (set.corpus() == corpus) {
                            results.addAll(evaluate(kind, set, methods, articleIds));
                        }
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
            List<RetrievalMethod> baseline = List.of(new LangChain4jBaseline(embeddings, texts));
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
    private Map<Integer, String> ingest(EvalArchive fresh, SquadFile corpus) {
        long start = System.nanoTime();
        ArticleIngestor ingestor = new ArticleIngestor(fresh.archive(), embeddings, chunker);
        Map<Integer, String> articleIds = new LinkedHashMap<>();
        for (int i = 0; i < corpus.paragraphs().size(); i++) {
            String text = corpus.paragraphs().get(i);
            String url = "squad:" + corpus.name() + "#" + i;
            // No title (see SquadFile), no date: the paragraph's text is all the archive knows.
            ingestor.ingest(new ParsedArticle("", text, url, corpus.name(), null, corpus.language()));
            String hash = ArticleIdentity.contentHash(text);
            articleIds.put(i, fresh.archive().findByContentHash(hash).orElseThrow().id());
        }
        progress.printf("%s: ingested %d paragraphs of %s (%s) in %.1f s, %d chunks%n", fresh.kind(), articleIds.size(),
                corpus.name(), corpus.language(), (System.nanoTime() - start) / 1e9, fresh.archive().stats().chunks());
        return articleIds;
    }

    private List<RetrievalMethod> methods(ArchiveIndex archive) {
        // Time words OFF, explicitly: SQuAD questions name years ("in 1998") while its paragraphs have
        // no dates, so a date filter would find nothing and the figures would collapse.
        HybridSearch hybrid = new HybridSearch(archive, embeddings, settings.weights(), settings.maxChunksPerArticle(),
                CrossLingualRanking.off(), QuestionTime.off());
        List<RetrievalMethod> methods = new ArrayList<>(ArchiveMethods.all(archive, embeddings, hybrid));
        settings.fusionVariants().forEach((name, weights) -> methods.add(ArchiveMethods.hybrid(name,
                new HybridSearch(archive, embeddings, weights, settings.maxChunksPerArticle(),
                        CrossLingualRanking.off(), QuestionTime.off()))));
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
