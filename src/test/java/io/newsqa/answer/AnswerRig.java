package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.newsqa.answer.chain.Prompts;
import io.newsqa.answer.conversation.Conversations;
import io.newsqa.answer.conversation.FileChatMemoryStore;
import io.newsqa.answer.llm.ChatProviders;
import io.newsqa.answer.llm.LlmAnswerer;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.FileIngest;
import io.newsqa.ingest.SampleArchive;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An embedded archive with the sample articles and the seed, and answer services over it wired
 * as in production (same fusion weights and extractive settings as application.yml).
 */
final class AnswerRig implements AutoCloseable {

    static final Path SEED = Path.of("..", "shared", "seeds", "000_23fb25f5c3115797.txt");
    static final String SEED_QUESTION = "لماذا اتصل بوتين بنتنياهو مرتين؟";
    static final String SEED_TITLE = "للمرة الثانية خلال أسبوع.. بوتين يجري إتصالا هاتفيا مع نتنياهو";

    private static EmbeddingModel sharedModel;

    final EmbeddingModel embeddings = model();
    final LuceneArchive archive;
    final ArticleIngestor ingestor;
    final HybridSearch search;
    final Prompts prompts = Prompts.load(null);

    AnswerRig(Path folder) {
        archive = LuceneArchive.open(folder.resolve("archive"), "all-minilm-l6-v2-q", embeddings.dimension());
        ingestor = new ArticleIngestor(archive, embeddings, new Chunker(new HuggingFaceTokenCountEstimator(), 200));
        new SampleArchive(archive, ingestor).loadIfEmpty();
        assertThat(new FileIngest(ingestor, new io.newsqa.ingest.source.SourceReaders(
                io.newsqa.ingest.source.FieldMapping.DEFAULT, java.time.Duration.ofSeconds(5))).ingest(List.of(SEED)).rejections()).isEmpty();
        Map<String, FusionWeights> weights = Map.of("ar", new FusionWeights(0.2, 1.0, 60), "en", new FusionWeights(1, 1, 60));
        search = new HybridSearch(archive, embeddings, language -> weights.getOrDefault(language, new FusionWeights(1, 1, 60)), 2);
    }

    private static synchronized EmbeddingModel model() {
        if (sharedModel == null) {
            sharedModel = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        return sharedModel;
    }

    ExtractiveAnswerer extractive() {
        return new ExtractiveAnswerer(new SentenceEmbedder(embeddings), new ExtractiveSettings(
                Map.of("ar", 0.5, "en", 0.9, "default", 0.5), Map.of("ar", 0.0, "en", 1.0, "default", 0.0), 3, 700));
    }

    /** Extractive answers, conversations in files under {@code folder}. */
    AnswerService service(ChatMemoryStore memory) {
        return new AnswerService(search, 6, extractive(), prompts, null, new Conversations(memory, 10));
    }

    AnswerService service(Path folder) {
        return service(new FileChatMemoryStore(folder.resolve("conversations")));
    }

    /** Answers by the real LangChain4j client of {@code settings}' provider. */
    AnswerService service(io.newsqa.answer.llm.LlmProperties settings, Path folder) {
        LlmAnswerer llm = new LlmAnswerer(ChatProviders.build(settings), settings.timeout(), settings.maxRetries(),
                settings.retryBackoff());
        return new AnswerService(search, 6, extractive(), prompts, llm,
                new Conversations(new FileChatMemoryStore(folder.resolve("conversations")), 10));
    }

    @Override
    public void close() {
        archive.close();
    }
}
