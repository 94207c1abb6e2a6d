package io.newsqa.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.ParsedArticle;
import io.newsqa.ingest.PlainTextArticle;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.RetrievedPassage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The showcase question asked in English over an Arabic archive, offline: the seed article among
 * 50 real Arabic articles of another day (SaudiNewsNet, read from ../shared, never copied).
 */
class CrossLingualSeedTest {

    private static final Path SEED = Path.of("../shared/seeds/000_23fb25f5c3115797.txt");
    private static final Path OTHER_ARTICLES = Path.of("../shared/bench/saudinewsnet/2015-07-21.zip");
    private static final FusionWeights ENGLISH_WEIGHTS = new FusionWeights(1.0, 1.0, 60); // application.yml, "en"

    @TempDir
    static Path dir;
    static LuceneArchive archive;
    static EmbeddingModel embeddings;
    static String seedTitle;

    @BeforeAll
    static void ingest() throws IOException {
        embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
        archive = LuceneArchive.open(dir, "all-minilm-l6-v2-q", embeddings.dimension());
        ArticleIngestor ingestor = new ArticleIngestor(archive, embeddings, new Chunker(new HuggingFaceTokenCountEstimator(), 200));
        ParsedArticle seed = PlainTextArticle.read(SEED);
        seedTitle = seed.title();
        ingestor.ingest(seed);
        for (ParsedArticle other : saudiNewsNet(50)) {
            ingestor.ingest(other);
        }
    }

    private static List<ParsedArticle> saudiNewsNet(int count) throws IOException {
        try (InputStream file = java.nio.file.Files.newInputStream(OTHER_ARTICLES); ZipInputStream zip = new ZipInputStream(file)) {
            ZipEntry entry = zip.getNextEntry();
            assertThat(entry).as("a JSON file in " + OTHER_ARTICLES).isNotNull();
            JsonNode articles = new ObjectMapper().readTree(zip);
            return java.util.stream.StreamSupport.stream(articles.spliterator(), false)
                    .filter(article -> article.path("content").asText().length() > 200 && !article.path("title").asText().isBlank())
                    .limit(count)
                    .map(article -> new ParsedArticle(article.get("title").asText(), article.get("content").asText(),
                            article.path("url").asText(null), article.path("source").asText(null), null, "ar"))
                    .toList();
        }
    }

    private static List<RetrievedPassage> ask(CrossLingualRanking crossLingual) {
        HybridSearch search = new HybridSearch(archive, embeddings, language -> ENGLISH_WEIGHTS, 2, crossLingual,
                io.newsqa.retrieve.time.QuestionTime.off());
        return search.search("why did Putin call Netanyahu twice?", "en", SearchFilter.none(), 6);
    }

    @Test
    void theEnglishSeedQuestionFindsTheArabicSeedArticleFirst() {
        assertThat(archive.stats().articles()).isEqualTo(51);

        List<RetrievedPassage> passages = ask(new CrossLingualRanking(archive, InstalledDictionaries.translators(), 1.0)); // weight as in application.yml

        assertThat(passages).isNotEmpty();
        assertThat(passages.get(0).hit().article().title()).isEqualTo(seedTitle);
    }

    @Test
    void withoutTheDictionariesOnlyTheEnglishOnlyModelRanksAndMissesTheSeed() {
        // Before: the English question has no word in common with Arabic text, and the English-only
        // embedding model reads Arabic as noise.
        List<RetrievedPassage> passages = ask(CrossLingualRanking.off());

        assertThat(passages).allSatisfy(passage -> assertThat(passage.lexicalRank()).isZero());
        assertThat(passages.get(0).hit().article().title()).isNotEqualTo(seedTitle);
    }
}
