package io.newsqa.eval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveLoad;
import io.newsqa.archive.Article;
import io.newsqa.archive.StoredArticle;
import io.newsqa.embedding.Embeddings;
import io.newsqa.eval.SquadFile.Question;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.IngestRun;
import io.newsqa.ingest.article.ArticleIdentity;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.retrieve.time.ReferenceClock;
import io.newsqa.text.LanguageDetection;
import io.newsqa.translate.CrossLingualRanking;
import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

    /** Ranks are computed to this depth: recall@10 and MRR@10. */
    static final int DEPTH = 10;
    /** Paragraphs embedded per call and stored per write. */
    private static final int STORE_BATCH = 64;

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

    /**
     * What went into one fresh archive.
     *
     * @param backgroundSkipped articles left out for being or holding an evaluated paragraph
     * @param background        the background's ingest: added, duplicates, rejected
     */
    public record CorpusLoad(
            String archive,
            String corpus,
            int paragraphs,
            int emptyParagraphs,
            int questionsOfEmpty,
            boolean titles,
            int backgroundRead,
            int backgroundSkipped,
            int backgroundAdded,
            int backgroundDuplicates,
            int backgroundRejected) {

        /** One line for the report. */
        public String describe() {
            String text = String.format(
                    "%s %s: %d paragraphs stored, %d empty skipped (with their %d questions), titles %s",
                    archive, corpus, paragraphs, emptyParagraphs, questionsOfEmpty, titles ? "indexed" : "not indexed");
            if (backgroundRead > 0) {
                text += String.format(
                        "; background: %d articles read, %d skipped as an evaluated paragraph, %d loaded,"
                                + " %d duplicates, %d rejected",
                        backgroundRead, backgroundSkipped, backgroundAdded, backgroundDuplicates, backgroundRejected);
            }
            return text;
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

    /** Suffix of the method name in the rows where a hit on a near copy of the gold paragraph counts. */
    static final String NEAR_COPY_SUFFIX = " (near copy counts)";
    /** The methods whose misses are listed: the product's searches. */
    private static final Set<String> MISSES_OF = Set.of("hybrid", "hybrid+dictionary");

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
        // The background articles the ingest did not store (copies), left out of the baseline too.
        Map<SquadFile, Set<String>> notStored = new LinkedHashMap<>();
        List<EvalResult> results = new ArrayList<>();
        for (String kind : settings.archives()) {
            for (SquadFile corpus : files) {
                try (EvalArchive fresh = open(kind)) {
                    ArticleIngestor ingestor = new ArticleIngestor(fresh.archive(), embeddings.passages(), chunker);
                    Background.Selection selection = around.get(corpus);
                    boolean titles = settings.withTitles() && titlesInTextLanguage(corpus);
                    List<StoredArticle> stored = storeParagraphs(fresh, ingestor, corpus, titles, selection.dates());
                    IngestReport report = loadBackground(fresh, ingestor, selection);
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
                    List<RetrievalMethod> methods = methods(fresh.archive());
                    boolean nearCopies = !selection.articles().isEmpty();
                    for (QuestionSet set : sets) {
                        if (set.corpus() == corpus) {
                            results.addAll(
                                    evaluate(kind, set, methods, articleIds, nearCopies ? fresh.archive() : null));
                        }
                    }
                    if (answers != null) {
                        CrossLingualRanking translation = productTranslation.apply(fresh.archive());
                        answers.measure(
                                kind,
                                fresh.archive(),
                                day -> productSearch(fresh.archive(), day, translation),
                                corpus,
                                sets,
                                stored,
                                progress);
                    }
                }
            }
        }
        if (!baseline) {
            return results;
        }
        for (SquadFile corpus : files) {
            List<String> articleIds = new ArrayList<>();
            Map<String, String> texts = new LinkedHashMap<>();
            for (int i = 0; i < corpus.paragraphs().size(); i++) {
                articleIds.add("p" + i);
                texts.put("p" + i, corpus.text(i));
            }
            Set<String> copies = notStored.getOrDefault(corpus, Set.of());
            List<ParsedArticle> kept = around.get(corpus).articles().stream()
                    .filter(a -> !copies.contains(item(a)))
                    .toList();
            for (int i = 0; i < kept.size(); i++) {
                texts.put("b" + i, kept.get(i).body());
            }
            progress.printf(
                    "in-memory: embedding %d paragraphs of %s and %d background articles for the LangChain4j baseline%n",
                    corpus.paragraphs().size(), corpus.name(), kept.size());
            List<RetrievalMethod> baseline = List.of(new LangChain4jBaseline(embeddings.model(), texts));
            for (QuestionSet set : sets) {
                if (set.corpus() == corpus) {
                    results.addAll(evaluate("in-memory", set, baseline, articleIds, null));
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

    /**
     * One article per paragraph, stored as it is (no duplicate detection); returns them in
     * paragraph order, with their vectors, so that a deleted one can be stored again without
     * embedding it again.
     */
    private List<StoredArticle> storeParagraphs(
            EvalArchive fresh,
            ArticleIngestor ingestor,
            SquadFile corpus,
            boolean titles,
            Map<Integer, OffsetDateTime> dates) {
        long start = System.nanoTime();
        List<StoredArticle> stored = new ArrayList<>(corpus.paragraphs().size());
        try (ArchiveLoad load = fresh.archive().startLoad()) {
            for (int from = 0; from < corpus.paragraphs().size(); from += STORE_BATCH) {
                List<Article> batch = new ArrayList<>();
                for (int i = from; i < Math.min(corpus.paragraphs().size(), from + STORE_BATCH); i++) {
                    batch.add(paragraphArticle(corpus, i, titles, dates.getOrDefault(i, fileDate(corpus, i))));
                }
                List<StoredArticle> embedded = ingestor.embed(batch);
                fresh.archive().putAll(embedded);
                stored.addAll(embedded);
            }
        }
        progress.printf(
                "%s: stored %d paragraphs of %s (%s) in %.1f s, %d chunks%n",
                fresh.kind(),
                stored.size(),
                corpus.name(),
                corpus.language(),
                (System.nanoTime() - start) / 1e9,
                fresh.archive().stats().chunks());
        return stored;
    }

    /**
     * Whether the file's titles are in its paragraphs' language, judged on all of them together
     * (one title is too short to tell): XQuAD's are English in every language.
     */
    static boolean titlesInTextLanguage(SquadFile corpus) {
        Set<String> titles = new LinkedHashSet<>();
        corpus.paragraphs().forEach(p -> titles.add(p.title()));
        titles.remove("");
        return !titles.isEmpty()
                && LanguageDetection.detect(String.join("\n", titles)).equals(corpus.language());
    }

    /** The background news, through the ingest as any dump: duplicates and near copies are not stored. */
    private IngestReport loadBackground(EvalArchive fresh, ArticleIngestor ingestor, Background.Selection selection) {
        IngestReport report = new IngestReport();
        if (selection.articles().isEmpty()) {
            return report;
        }
        long start = System.nanoTime();
        try (IngestRun run = ingestor.startRun(report)) {
            for (ParsedArticle article : selection.articles()) {
                run.accept(item(article), article);
            }
        }
        progress.printf(
                "%s: background news %s in %.1f s, %d chunks in the archive%n",
                fresh.kind(),
                report.summary().lines().findFirst().orElse(""),
                (System.nanoTime() - start) / 1e9,
                fresh.archive().stats().chunks());
        return report;
    }

    /** How a background article is named in the ingest's report. */
    private static String item(ParsedArticle article) {
        return article.url() == null ? article.title() : article.url();
    }

    /**
     * The publication day the file gives the paragraph's article, at noon UTC so that it falls on
     * that day in every time zone a newsroom uses; {@code null} when it gives none. Used when no
     * background article is the paragraph's source: a question's time words ("today") then still
     * find it, as they would find the article in the product.
     */
    static OffsetDateTime fileDate(SquadFile corpus, int paragraph) {
        LocalDate day = corpus.paragraphs().get(paragraph).date();
        return day == null ? null : day.atTime(12, 0).atOffset(java.time.ZoneOffset.UTC);
    }

    /** The article a paragraph becomes: its text, its title when asked for, the date of its source when known. */
    static Article paragraphArticle(SquadFile corpus, int paragraph, boolean withTitle, OffsetDateTime publishedAt) {
        String text = corpus.text(paragraph);
        String hash = ArticleIdentity.contentHash(text);
        String url = "squad:" + corpus.name() + "#" + paragraph;
        String title = withTitle ? corpus.paragraphs().get(paragraph).title() : "";
        return new Article(
                ArticleIdentity.articleId(url, hash),
                url,
                title,
                corpus.name(),
                publishedAt,
                corpus.language(),
                hash,
                text);
    }

    /** The hybrid search as the product configures it, time words read from the day the question is asked on. */
    private HybridSearch productSearch(ArchiveIndex archive, LocalDate askedOn, CrossLingualRanking translation) {
        // Without a day, time words OFF, explicitly: SQuAD questions name years ("in 1998") while its
        // paragraphs have no dates, so a date filter would find nothing and the figures would collapse.
        QuestionTime time =
                askedOn == null ? QuestionTime.off() : settings.askedOn().apply(askedOn);
        return new HybridSearch(
                archive,
                embeddings.queries(),
                HybridSearch.Settings.of(settings.weights(), settings.maxChunksPerArticle()),
                translation,
                time);
    }

    private List<RetrievalMethod> methods(ArchiveIndex archive) {
        List<RetrievalMethod> methods = new ArrayList<>(ArchiveMethods.all(
                archive, embeddings.queries(), day -> productSearch(archive, day, CrossLingualRanking.off())));
        settings.fusionVariants()
                .forEach((name, weights) -> methods.add(ArchiveMethods.hybrid(
                        name,
                        day -> new HybridSearch(
                                archive,
                                embeddings.queries(),
                                HybridSearch.Settings.of(weights, settings.maxChunksPerArticle()),
                                CrossLingualRanking.off(),
                                day == null
                                        ? QuestionTime.off()
                                        : settings.askedOn().apply(day)))));
        crossLingual.forEach((name, ranking) -> {
            CrossLingualRanking translation = ranking.apply(archive);
            methods.add(ArchiveMethods.hybrid(name, day -> productSearch(archive, day, translation)));
        });
        return methods;
    }

    /**
     * The answerable questions of the set (SQuAD v2.0's unanswerable ones have no gold paragraph to
     * find). With {@code copiesIn}, each method also gets a row where a hit on a near copy of the
     * gold paragraph ({@link NearCopy}) counts as found, named {@link #NEAR_COPY_SUFFIX}; the strict row stays.
     */
    private List<EvalResult> evaluate(
            String kind,
            QuestionSet set,
            List<RetrievalMethod> methods,
            List<String> articleIds,
            ArchiveIndex copiesIn) {
        List<Question> questions = set.answerable();
        List<Set<String>> gold = goldIds(set.corpus(), articleIds);
        Map<String, String> texts = new HashMap<>();
        List<EvalResult> results = new ArrayList<>();
        for (RetrievalMethod method : methods) {
            MethodScore score = new MethodScore(questions.size());
            MethodScore lenient = new MethodScore(questions.size());
            for (Question question : questions) {
                long start = System.nanoTime();
                RetrievalMethod.Ranking ranking = method.rank(question, set.language(), DEPTH);
                long nanos = System.nanoTime() - start;
                Set<String> goldIds = gold.get(question.paragraph());
                int rank = GoldRank.of(ranking, goldIds);
                score.add(rank, nanos);
                int copyRank = rank;
                if (copiesIn != null) {
                    Set<String> found = new HashSet<>(goldIds);
                    for (RankedArticle hit : ranking.articles()) {
                        if (!goldIds.contains(hit.articleId())
                                && NearCopy.holdsAnswerOf(
                                        set.corpus().text(question.paragraph()),
                                        question.answers(),
                                        texts.computeIfAbsent(hit.articleId(), id -> bodyOf(copiesIn, id)))) {
                            found.add(hit.articleId());
                        }
                    }
                    copyRank = GoldRank.of(ranking, found);
                    lenient.add(copyRank, nanos);
                }
                if (misses != null && rank != 1 && MISSES_OF.contains(method.name())) {
                    misses.println(missLine(kind, set, method, question, rank, copyRank, ranking, copiesIn));
                }
            }
            results.add(reported(score.result(kind, set.name(), method.name())));
            if (copiesIn != null) {
                results.add(reported(lenient.result(kind, set.name(), method.name() + NEAR_COPY_SUFFIX)));
            }
        }
        return results;
    }

    /** The result, after printing its row to the progress stream. */
    private EvalResult reported(EvalResult result) {
        progress.printf(
                "%s %s %s: r@1 %.3f r@5 %.3f r@10 %.3f MRR %.3f%n",
                result.archive(),
                result.questionSet(),
                result.method(),
                result.recallAt1(),
                result.recallAt5(),
                result.recallAt10(),
                result.mrr());
        return result;
    }

    private static String bodyOf(ArchiveIndex archive, String articleId) {
        return archive.findArticle(articleId).map(Article::body).orElse("");
    }

    /**
     * One tab-separated line per question whose gold paragraph was not first: where it ranked
     * (0: not in the first ten), where counting near copies, and the first three articles found.
     */
    private static String missLine(
            String kind,
            QuestionSet set,
            RetrievalMethod method,
            Question question,
            int rank,
            int copyRank,
            RetrievalMethod.Ranking ranking,
            ArchiveIndex archive) {
        StringBuilder line = new StringBuilder(String.join(
                "\t",
                kind,
                set.name(),
                method.name(),
                question.id(),
                Integer.toString(rank),
                Integer.toString(copyRank),
                question.text(),
                String.join(" | ", question.answers())));
        ranking.articles().stream().limit(3).forEach(hit -> {
            String shown = hit.articleId();
            if (archive != null) {
                shown = archive.findArticle(hit.articleId())
                        .map(a -> (a.title().isBlank() ? "" : a.title() + ": ")
                                + a.body().strip())
                        .map(t -> t.substring(0, Math.min(120, t.length())).replaceAll("\\s+", " "))
                        .orElse(shown);
            }
            line.append('\t').append(shown);
        });
        return line.toString();
    }

    /** Paragraph index → the ids of the paragraphs with its very text, its own included. */
    static List<Set<String>> goldIds(SquadFile corpus, List<String> articleIds) {
        Map<String, Set<String>> byText = new LinkedHashMap<>();
        for (int i = 0; i < articleIds.size(); i++) {
            byText.computeIfAbsent(corpus.text(i), t -> new HashSet<>()).add(articleIds.get(i));
        }
        List<Set<String>> gold = new ArrayList<>(articleIds.size());
        for (int i = 0; i < articleIds.size(); i++) {
            gold.add(Set.copyOf(byText.get(corpus.text(i))));
        }
        return gold;
    }
}
