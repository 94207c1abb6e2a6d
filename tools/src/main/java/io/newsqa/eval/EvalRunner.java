package io.newsqa.eval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.StoredArticle;
import io.newsqa.embedding.Embeddings;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.retrieve.time.ReferenceClock;
import io.newsqa.translate.CrossLingualRanking;
import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs the evaluation: for each archive implementation and each corpus, a fresh archive with one
 * article per paragraph (text only, titles when asked for), the background news around them when
 * given, then every question set over that corpus through every method.
 *
 * <p>Every paragraph is stored as an article of its own, past the ingest's duplicate detection: a
 * file may hold overlapping windows of one text, or one paragraph twice, and each is still what
 * its questions were asked about. Two paragraphs with the same text are each other's gold
 * ({@link GoldRank}).
 */
public final class EvalRunner {

    /**
     * @param archives            {@code embedded} and/or {@code postgres}
     * @param modelId             the embedding model's id, recorded in the fresh archives
     * @param weights             fusion weights per question language, as the product uses them
     * @param maxChunksPerArticle the product's per-article cap
     * @param fusionVariants      extra hybrid runs with other weights, to measure them: name → weights
     * @param database            the PostgreSQL to create the fresh schema in
     * @param askedOn             how time words are read in a question asked on a given day (its
     *                            {@code reference_date}); questions without one are searched with no time words,
     *                            since paragraphs without a date would fall out of every date window
     * @param withTitles          whether a paragraph is stored under its article's title, when the file's
     *                            titles are in its paragraphs' language
     */
    public record Settings(
            List<String> archives,
            String modelId,
            Function<String, FusionWeights> weights,
            int maxChunksPerArticle,
            Map<String, Function<String, FusionWeights>> fusionVariants,
            EvalDatabase database,
            Function<LocalDate, QuestionTime> askedOn,
            boolean withTitles) {

        /** Time words read in UTC, weeks from Monday, no recency prior; no titles. */
        public Settings(
                List<String> archives,
                String modelId,
                Function<String, FusionWeights> weights,
                int maxChunksPerArticle,
                Map<String, Function<String, FusionWeights>> fusionVariants,
                EvalDatabase database) {
            this(
                    archives,
                    modelId,
                    weights,
                    maxChunksPerArticle,
                    fusionVariants,
                    database,
                    day -> new QuestionTime(
                            true, ReferenceClock.of(day.toString(), "UTC", Optional::empty), DayOfWeek.MONDAY, null),
                    false);
        }
    }

    private final Embeddings embeddings;
    private final Chunker chunker;
    private final Settings settings;
    private final PrintStream progress;
    /** {@code null} unless the extractive answers are measured too. */
    private AnswerQuality answers;
    /** The translation the product's search fuses in, for the answers; off unless set. */
    private Function<ArchiveIndex, CrossLingualRanking> productTranslation = archive -> CrossLingualRanking.off();
    /** Extra hybrid runs with cross-lingual rankings: name → the ranking over the fresh archive. */
    private final Map<String, Function<ArchiveIndex, CrossLingualRanking>> crossLingual = new LinkedHashMap<>();

    private final List<CorpusLoad> loads = new ArrayList<>();
    /** Where the misses of the product's searches are listed; {@code null}: nowhere. */
    private PrintStream misses;
    /** Whether the in-memory LangChain4j baseline is measured beside the archives. */
    private boolean baseline = true;

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
     * The translation the product's own search fuses in (dictionaries, language model, as
     * configured), used for the measured answers, so that an English question over Arabic
     * paragraphs is answered as a reader's would be.
     */
    public EvalRunner withProductTranslation(Function<ArchiveIndex, CrossLingualRanking> ranking) {
        this.productTranslation = ranking;
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

    /** Also lists every question the product's searches did not rank first, one line each, into {@code out}. */
    public EvalRunner withMisses(PrintStream out) {
        this.misses = out;
        return this;
    }

    /**
     * Leaves out the in-memory LangChain4j baseline, which embeds every paragraph and background
     * article a second time: on a news archive of thousands of articles that doubles the run.
     */
    public EvalRunner withoutBaseline() {
        this.baseline = false;
        return this;
    }

    /** What went into each fresh archive, in the order built. */
    public List<CorpusLoad> loads() {
        return List.copyOf(loads);
    }

    public List<EvalResult> run(List<SquadFile> files) {
        return run(files, Background.none());
    }

    public List<EvalResult> run(List<SquadFile> files, Background background) {
        List<QuestionSet> sets = QuestionSet.of(files);
        Map<SquadFile, Background.Selection> around = new LinkedHashMap<>();
        for (SquadFile corpus : files) {
            around.put(corpus, background.around(corpus));
        }
        CorpusStore store = new CorpusStore(progress);
        EvalSearches searches = new EvalSearches(embeddings, settings, crossLingual);
        SetScoring scoring = new SetScoring(progress, misses);
        // The background articles the ingest did not store (copies), left out of the baseline too.
        Map<SquadFile, Set<String>> notStored = new LinkedHashMap<>();
        List<EvalResult> results = new ArrayList<>();
        for (String kind : settings.archives()) {
            for (SquadFile corpus : files) {
                try (EvalArchive fresh = open(kind)) {
                    ArticleIngestor ingestor = new ArticleIngestor(fresh.archive(), embeddings.passages(), chunker);
                    Background.Selection selection = around.get(corpus);
                    boolean titles = settings.withTitles() && CorpusStore.titlesInTextLanguage(corpus);
                    List<StoredArticle> stored =
                            store.storeParagraphs(fresh, ingestor, corpus, titles, selection.dates());
                    IngestReport report = store.loadBackground(fresh, ingestor, selection);
                    Set<String> copies = new HashSet<>();
                    report.duplicates().forEach(d -> copies.add(d.item()));
                    report.rejections().forEach(r -> copies.add(r.item()));
                    notStored.putIfAbsent(corpus, copies);
                    CorpusLoad load = new CorpusLoad(
                            kind,
                            corpus.name(),
                            stored.size(),
                            corpus.emptyParagraphs(),
                            corpus.questionsOfEmpty(),
                            titles,
                            background.size(),
                            selection.skipped(),
                            report.countOf(IngestOutcome.ADDED),
                            report.countOf(IngestOutcome.DUPLICATE),
                            report.rejections().size());
                    loads.add(load);
                    progress.println(load.describe());
                    List<String> articleIds =
                            stored.stream().map(s -> s.article().id()).toList();
                    List<RetrievalMethod> methods = searches.methods(fresh.archive());
                    boolean nearCopies = !selection.articles().isEmpty();
                    for (QuestionSet set : sets) {
                        if (set.corpus() == corpus) {
                            results.addAll(scoring.evaluate(
                                    kind, set, methods, articleIds, nearCopies ? fresh.archive() : null));
                        }
                    }
                    if (answers != null) {
                        CrossLingualRanking translation = productTranslation.apply(fresh.archive());
                        answers.measure(
                                kind,
                                fresh.archive(),
                                day -> searches.productSearch(fresh.archive(), day, translation),
                                corpus,
                                sets,
                                stored,
                                progress);
                    }
                }
            }
        }
        if (baseline) {
            results.addAll(baseline(files, sets, around, notStored, scoring));
        }
        return results;
    }

    /**
     * The in-memory LangChain4j baseline over each corpus: its paragraphs and the background
     * articles the archives stored, embedded into LangChain4j's own store.
     */
    private List<EvalResult> baseline(
            List<SquadFile> files,
            List<QuestionSet> sets,
            Map<SquadFile, Background.Selection> around,
            Map<SquadFile, Set<String>> notStored,
            SetScoring scoring) {
        List<EvalResult> results = new ArrayList<>();
        for (SquadFile corpus : files) {
            List<String> articleIds = new ArrayList<>();
            Map<String, String> texts = new LinkedHashMap<>();
            for (int i = 0; i < corpus.paragraphs().size(); i++) {
                articleIds.add("p" + i);
                texts.put("p" + i, corpus.text(i));
            }
            Set<String> copies = notStored.getOrDefault(corpus, Set.of());
            List<ParsedArticle> kept = around.get(corpus).articles().stream()
                    .filter(a -> !copies.contains(CorpusStore.item(a)))
                    .toList();
            for (int i = 0; i < kept.size(); i++) {
                texts.put("b" + i, kept.get(i).body());
            }
            progress.printf(
                    "in-memory: embedding %d paragraphs of %s and %d background articles for the LangChain4j baseline%n",
                    corpus.paragraphs().size(), corpus.name(), kept.size());
            List<RetrievalMethod> methods = List.of(new LangChain4jBaseline(embeddings.model(), texts));
            for (QuestionSet set : sets) {
                if (set.corpus() == corpus) {
                    results.addAll(scoring.evaluate("in-memory", set, methods, articleIds, null));
                }
            }
        }
        return results;
    }

    private EvalArchive open(String kind) {
        return switch (kind) {
            case "embedded" -> EvalArchive.embedded(settings.modelId(), embeddings.dimension());
            case "postgres" -> EvalArchive.postgres(settings.database(), settings.modelId(), embeddings.dimension());
            default ->
                throw new IllegalArgumentException("Unknown archive '" + kind + "': use embedded, postgres or both");
        };
    }
}
