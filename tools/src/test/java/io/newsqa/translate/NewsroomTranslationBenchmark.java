package io.newsqa.translate;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import io.newsqa.answer.Answer;
import io.newsqa.answer.ExtractiveAnswerer;
import io.newsqa.answer.ExtractiveSettings;
import io.newsqa.answer.SentenceEmbedder;
import io.newsqa.archive.ArticleHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.WeightedTerm;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.eval.Background;
import io.newsqa.eval.SquadFile;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.IngestRun;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.RetrievedPassage;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.support.PassageSources;
import io.newsqa.text.ArabicNormalizer;
import io.newsqa.text.LanguageAnalyzers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not part of the default test run: the newsroom dev set's questions (English ones
 * about Arabic SaudiNewsNet articles, and their Arabic neighbours) over the set's articles among
 * the SaudiNewsNet articles of 2015-07-22 and -23, as the product searches and answers without a
 * language model. Chunks are not embedded (a constant vector stands in: for an English question
 * over Arabic chunks the English-only model's dense ranking does not count, and the Arabic dense
 * weight is 0), so a run takes minutes, not the hour of {@code eval}; for choosing, not for the record.
 *
 * <p>Prints, per English question whose gold article the dictionary ranking misses in its first
 * five, the translated terms and which of them the gold article holds (after stemming).
 *
 * <pre>./mvnw -o -q test -Dtest=NewsroomTranslationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dnewsroom.archive=/tmp/newsroom-archive    # kept between runs: ingested once</pre>
 */
class NewsroomTranslationBenchmark {

    private static final Path SET = Path.of("src/test/resources/eval/newsroom-dev.json");
    private static final Path SAUDINEWSNET = Path.of("../shared/bench/saudinewsnet");
    private static final String GOLD_URL = "newsroom-dev:";
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    /** application.yml's {@code newsqa.answer.min-score.translated}. */
    private static final double TRANSLATED_MIN_SCORE = 0.45;

    @Test
    void englishQuestionsOverArabicNews() throws Exception {
        SquadFile set = SquadFile.read(SET);
        Path folder = Path.of(System.getProperty("newsroom.archive", "target/newsroom-archive"));
        boolean fresh = !Files.isDirectory(folder);
        EmbeddingModel constant = new ConstantEmbedding();
        List<DictionaryQueryTranslator> translators = InstalledDictionaries.translators();
        DictionaryQueryTranslator englishToArabic = translators.stream()
                .filter(t -> t.sourceLanguage().equals("en"))
                .findFirst()
                .orElseThrow();
        try (LuceneArchive archive = LuceneArchive.open(folder, "constant", ConstantEmbedding.DIMENSION)) {
            if (fresh) {
                ingest(set, archive, constant);
            }
            System.out.printf("%n%d articles%n", archive.stats().articles());
            Map<String, FusionWeights> weights =
                    Map.of("en", new FusionWeights(0.3, 1.0, 60), "ar", new FusionWeights(0.0, 1.0, 60));
            CrossLingualRanking crossLingual = new CrossLingualRanking(archive, translators, 1.0);
            HybridSearch search = new HybridSearch(
                    archive,
                    constant,
                    new HybridSearch.Settings(weights::get, 2, 2, false),
                    crossLingual,
                    QuestionTime.off());
            ExtractiveAnswerer answerer = answerer(constant, translators, TRANSLATED_MIN_SCORE);
            // -Dnewsroom.translated-min-scores=0.4,0.45: English answers at other thresholds for translated sentences
            Map<Double, ExtractiveAnswerer> otherThresholds = new java.util.TreeMap<>();
            for (String value :
                    System.getProperty("newsroom.translated-min-scores", "").split(",")) {
                if (!value.isBlank()) {
                    double threshold = Double.parseDouble(value.strip());
                    otherThresholds.put(threshold, answerer(constant, translators, threshold));
                }
            }
            search.search("warm-up", "en", SearchFilter.none(), 6);
            NameIndex names = new ArchiveNames(archive, java.time.Duration.ofHours(1)).of(englishToArabic);

            Map<String, Integer> counts = new java.util.TreeMap<>();
            List<Long> translateNanos = new ArrayList<>();
            List<Long> translateCpuNanos = new ArrayList<>();
            for (SquadFile.Question question : set.questions()) {
                if (question.impossible()) {
                    continue;
                }
                String language = question.text().chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF) ? "ar" : "en";
                String gold = GOLD_URL + question.paragraph();
                List<RetrievedPassage> passages = search.search(question.text(), language, SearchFilter.none(), 10);
                int hybridRank = rank(
                        passages.stream()
                                .map(p -> p.hit().article().url())
                                .distinct()
                                .toList(),
                        gold);
                Answer answer = answerer.answer(
                        question.text(),
                        language,
                        PassageSources.of(passages.subList(0, Math.min(6, passages.size()))));
                boolean quotes = answer.found()
                        && question.answers().stream()
                                .anyMatch(a -> normalised(answer.answer()).contains(normalised(a)));
                add(counts, language + " questions");
                add(counts, language + " r@1", hybridRank == 1);
                add(counts, language + " r@5", hybridRank >= 1 && hybridRank <= 5);
                add(counts, language + " r@10", hybridRank >= 1);
                add(counts, language + " answered", answer.found());
                add(counts, language + " gold in answer", quotes);
                if (!"en".equals(language)) {
                    continue;
                }
                // Asked without the gold article's passages: an answer then is a false answer
                // (the set's articles are one each; a copy in another outlet may still answer).
                List<RetrievedPassage> withoutGold = passages.stream()
                        .filter(p -> !p.hit().article().url().equals(gold))
                        .toList();
                add(
                        counts,
                        "en answered without the gold article",
                        answer(answerer, question.text(), withoutGold).found());
                for (Map.Entry<Double, ExtractiveAnswerer> other : otherThresholds.entrySet()) {
                    Answer otherAnswer = answer(other.getValue(), question.text(), passages);
                    String at = " at translated min-score " + other.getKey();
                    add(counts, "en answered" + at, otherAnswer.found());
                    add(
                            counts,
                            "en gold in answer" + at,
                            otherAnswer.found()
                                    && question.answers().stream()
                                            .anyMatch(a -> normalised(otherAnswer.answer())
                                                    .contains(normalised(a))));
                    add(
                            counts,
                            "en answered without the gold article" + at,
                            answer(other.getValue(), question.text(), withoutGold)
                                    .found());
                }
                englishToArabic.translate(question.text(), names); // warm-up: the steady state is timed
                long start = System.nanoTime();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                List<WeightedTerm> terms = englishToArabic.translate(question.text(), names);
                translateNanos.add(System.nanoTime() - start);
                translateCpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
                List<String> articleIds = archive.articleLexicalSearch(terms, "ar", 10, SearchFilter.none()).stream()
                        .map(ArticleHit::articleId)
                        .toList();
                int dictionaryRank = -1;
                for (int i = 0; i < articleIds.size() && dictionaryRank < 0; i++) {
                    if (archive.findArticle(articleIds.get(i))
                            .map(a -> a.url().equals(gold))
                            .orElse(false)) {
                        dictionaryRank = i + 1;
                    }
                }
                add(counts, "en dictionary-articles r@5", dictionaryRank >= 1 && dictionaryRank <= 5);
                List<String> chunkArticles =
                        archive.weightedLexicalSearch(terms, "ar", 200, SearchFilter.none()).stream()
                                .map(hit -> hit.article().url())
                                .toList();
                int chunkRank = rank(chunkArticles, gold);
                if (hybridRank < 1 || hybridRank > 5 || !quotes) {
                    Set<String> goldStems =
                            new HashSet<>(LanguageAnalyzers.terms(set.text(question.paragraph()), "ar"));
                    StringBuilder line = new StringBuilder();
                    for (WeightedTerm term : terms) {
                        List<String> stems = LanguageAnalyzers.terms(term.text(), "ar");
                        boolean inGold = !stems.isEmpty() && goldStems.containsAll(stems);
                        line.append(inGold ? "+" : "-")
                                .append(term.text())
                                .append(String.format(Locale.ROOT, "(%.2f) ", term.weight()));
                    }
                    System.out.printf(
                            "%nMISS %s [hybrid %d, dictionary %d, chunk %d, %s] %s%n  gold: %s%n  terms: %s%n  answer: %s%n",
                            question.id(),
                            hybridRank,
                            dictionaryRank,
                            chunkRank,
                            answer.found() ? (quotes ? "gold" : "other") : "refused",
                            question.text(),
                            question.answers(),
                            line,
                            answer.answer().replace('\n', ' '));
                }
            }
            System.out.println();
            counts.forEach((key, value) -> System.out.printf("%s: %d%n", key, value));
            printPercentiles("translation per English question, wall", translateNanos);
            printPercentiles("translation per English question, CPU", translateCpuNanos);
        }
    }

    private static void ingest(SquadFile set, LuceneArchive archive, EmbeddingModel constant) {
        ArticleIngestor ingestor =
                new ArticleIngestor(archive, constant, new Chunker(new HuggingFaceTokenCountEstimator(), 200));
        Background background = Background.read(
                List.of(SAUDINEWSNET.resolve("2015-07-22.zip"), SAUDINEWSNET.resolve("2015-07-23.zip")));
        Background.Selection selection = background.around(set);
        try (IngestRun run =
                ingestor.startRun(new IngestReport())) { // one run: stored in batches, not one commit per article
            for (int p = 0; p < set.paragraphs().size(); p++) {
                SquadFile.Paragraph paragraph = set.paragraphs().get(p);
                var date = selection.dates().get(p);
                run.accept(
                        "paragraph " + p,
                        new ParsedArticle(
                                paragraph.title(),
                                paragraph.text(),
                                GOLD_URL + p,
                                "newsroom",
                                date != null
                                        ? date
                                        : java.time.OffsetDateTime.of(2015, 7, 22, 0, 0, 0, 0, ZoneOffset.UTC),
                                "ar"));
            }
            selection.articles().forEach(article -> run.accept(article.url(), article));
        }
    }

    /** application.yml's settings, with {@code translatedMinScore} for sentences of the other language. */
    private static ExtractiveAnswerer answerer(
            EmbeddingModel constant, List<DictionaryQueryTranslator> translators, double translatedMinScore) {
        return new ExtractiveAnswerer(
                new SentenceEmbedder(constant),
                new ExtractiveSettings(
                        Map.of("ar", 0.46, "en", 1.0, "default", 0.5, "translated", translatedMinScore),
                        Map.of("ar", 0.0, "en", 1.0, "default", 0.0),
                        3,
                        700),
                new QuestionTranslation(translators));
    }

    private static Answer answer(ExtractiveAnswerer answerer, String question, List<RetrievedPassage> passages) {
        return answerer.answer(question, "en", PassageSources.of(passages.subList(0, Math.min(6, passages.size()))));
    }

    private static void printPercentiles(String what, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        System.out.printf(
                "%s: p50 %.3f ms, p95 %.3f ms, max %.3f ms%n",
                what,
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6);
    }

    private static int rank(List<String> urls, String gold) {
        int index = urls.indexOf(gold);
        return index < 0 ? -1 : index + 1;
    }

    private static String normalised(String text) {
        return ArabicNormalizer.normalize(text.replaceAll("\\[\\d+]", " "))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }

    private static void add(Map<String, Integer> counts, String key) {
        counts.merge(key, 1, Integer::sum);
    }

    private static void add(Map<String, Integer> counts, String key, boolean yes) {
        counts.merge(key, yes ? 1 : 0, Integer::sum);
    }
}
