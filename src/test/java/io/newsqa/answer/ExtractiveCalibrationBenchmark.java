package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.rag.query.Query;
import io.newsqa.answer.chain.ArchiveContentRetriever;
import io.newsqa.answer.chain.NumberedSources;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.ingest.ArticleIdentity;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.ParsedArticle;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.text.ArabicNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calibrates the extractive answerer's "not in the archive" threshold on XQuAD (not part of the
 * default test run: {@code ./mvnw test -Dtest=ExtractiveCalibrationBenchmark}).
 *
 * <p>Per language, the 240 paragraphs are ingested into an embedded archive (paragraph text only,
 * a neutral title). For every {@value #EVERY}-th question: a positive run with the whole archive, and
 * a negative run with the question's gold paragraph deleted (re-ingested afterwards). Printed per
 * embedding weight and threshold: refusal precision and recall (a refusal on a negative is right),
 * the share of positives answered, and the share whose answer contains the gold answer text.
 */
class ExtractiveCalibrationBenchmark {

    private static final Path XQUAD = Path.of("..", "shared", "eval", "xquad");
    private static final int EVERY = Integer.getInteger("calibration.every", 4);
    private static final double[] THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    private final EmbeddingModel embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
    private final SentenceEmbedder sentences = new SentenceEmbedder(embeddings);

    private record Item(String question, String gold, List<Source> withGold, List<Source> withoutGold) {
    }

    @Test
    void arabic(@TempDir Path dir) throws Exception {
        calibrate("ar", new FusionWeights(0.2, 1.0, 60), new double[] {0.0, 0.3}, dir);
    }

    @Test
    void english(@TempDir Path dir) throws Exception {
        calibrate("en", new FusionWeights(1.0, 1.0, 60), new double[] {0.0, 0.5, 1.0}, dir);
    }

    private void calibrate(String language, FusionWeights fusion, double[] weights, Path dir) throws Exception {
        JsonNode data = new ObjectMapper().readTree(Files.readString(XQUAD.resolve("xquad." + language + ".json"))).get("data");
        List<Item> items = new ArrayList<>();
        long start = System.nanoTime();
        try (LuceneArchive archive = LuceneArchive.open(dir, "all-minilm-l6-v2-q", embeddings.dimension())) {
            ArticleIngestor ingestor = new ArticleIngestor(archive, embeddings, new Chunker(new HuggingFaceTokenCountEstimator(), 200));
            List<ParsedArticle> paragraphs = new ArrayList<>();
            List<JsonNode> questions = new ArrayList<>();
            for (JsonNode article : data) {
                for (JsonNode paragraph : article.get("paragraphs")) {
                    ParsedArticle parsed = new ParsedArticle("XQuAD paragraph " + (paragraphs.size() + 1),
                            paragraph.get("context").asText(), "https://xquad.invalid/" + language + "/" + paragraphs.size(),
                            null, null, language);
                    paragraphs.add(parsed);
                    questions.add(paragraph.get("qas"));
                    ingestor.ingest(parsed);
                }
            }
            double ingestSeconds = (System.nanoTime() - start) / 1e9;
            HybridSearch search = new HybridSearch(archive, embeddings, l -> fusion, 2);
            ArchiveContentRetriever retriever = new ArchiveContentRetriever(search, 6, SearchFilter.none());
            int counter = 0;
            for (int p = 0; p < paragraphs.size(); p++) {
                List<JsonNode> sampled = new ArrayList<>();
                for (JsonNode qa : questions.get(p)) {
                    if (counter++ % EVERY == 0) {
                        sampled.add(qa);
                    }
                }
                if (sampled.isEmpty()) {
                    continue;
                }
                List<List<Source>> positives = new ArrayList<>();
                for (JsonNode qa : sampled) {
                    positives.add(NumberedSources.from(retriever.retrieve(Query.from(qa.get("question").asText()))));
                }
                ParsedArticle gold = paragraphs.get(p);
                archive.delete(ArticleIdentity.articleId(gold.url(), ArticleIdentity.contentHash(gold.body())));
                for (int i = 0; i < sampled.size(); i++) {
                    JsonNode qa = sampled.get(i);
                    List<Source> negative = NumberedSources.from(retriever.retrieve(Query.from(qa.get("question").asText())));
                    items.add(new Item(qa.get("question").asText(), qa.get("answers").get(0).get("text").asText(),
                            positives.get(i), negative));
                }
                ingestor.ingest(gold);
            }
            System.out.printf(Locale.ROOT, "%n== XQuAD %s: %d paragraphs ingested in %.1f s, %d questions (every %d-th), %d negatives ==%n",
                    language, paragraphs.size(), ingestSeconds, items.size(), EVERY, items.size());
        }
        System.out.println("| embedding weight | min score | refusal precision | refusal recall | positives answered | answer contains gold |");
        System.out.println("|---|---|---|---|---|---|");
        for (double weight : weights) {
            for (double threshold : THRESHOLDS) {
                ExtractiveAnswerer answerer = new ExtractiveAnswerer(sentences, new ExtractiveSettings(
                        Map.of("default", threshold), Map.of("default", weight), 3, 700));
                int refusedNegatives = 0;
                int refusedPositives = 0;
                int containsGold = 0;
                for (Item item : items) {
                    Answer positive = answerer.answer(item.question(), language, item.withGold());
                    Answer negative = answerer.answer(item.question(), language, item.withoutGold());
                    refusedPositives += positive.found() ? 0 : 1;
                    refusedNegatives += negative.found() ? 0 : 1;
                    if (positive.found() && normalise(positive.answer()).contains(normalise(item.gold()))) {
                        containsGold++;
                    }
                }
                int refused = refusedNegatives + refusedPositives;
                System.out.printf(Locale.ROOT, "| %.1f | %.2f | %.3f | %.3f | %.3f | %.3f |%n", weight, threshold,
                        refused == 0 ? 1.0 : (double) refusedNegatives / refused, (double) refusedNegatives / items.size(),
                        1 - (double) refusedPositives / items.size(), (double) containsGold / items.size());
            }
        }
        System.out.printf(Locale.ROOT, "(%s: %.1f s in all)%n", language, (System.nanoTime() - start) / 1e9);
        assertThat(items).hasSizeGreaterThan(100);
    }

    private static String normalise(String text) {
        return ArabicNormalizer.normalize(text).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
