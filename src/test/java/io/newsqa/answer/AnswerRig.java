package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import dev.langchain4j.store.memory.chat.InMemoryChatMemoryStore;
import io.newsqa.answer.conversation.Conversations;
import io.newsqa.answer.conversation.FileChatMemoryStore;
import io.newsqa.answer.llm.ChatProviders;
import io.newsqa.answer.llm.LlmAnswerer;
import io.newsqa.answer.llm.Prompts;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.FileIngest;
import io.newsqa.ingest.SampleArchive;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.support.FreshSchemaArchive;
import io.newsqa.support.Seed;
import io.newsqa.translate.CrossLingualRanking;
import io.newsqa.translate.DictionaryQueryTranslator;
import io.newsqa.translate.DictionaryTranslators;
import io.newsqa.translate.QuestionTranslation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An archive (embedded, or PostgreSQL in a schema of its own) with the sample articles and the
 * seed, and answer services over it wired as in production (same fusion weights and extractive
 * settings as application.yml).
 */
final class AnswerRig implements AutoCloseable {

    static final Path SEED = Seed.FILE;
    static final String SEED_QUESTION = "لماذا اتصل بوتين بنتنياهو مرتين؟";
    static final String SEED_TITLE = "للمرة الثانية خلال أسبوع.. بوتين يجري إتصالا هاتفيا مع نتنياهو";

    private static EmbeddingModel sharedModel;

    final EmbeddingModel embeddings = model();
    final ArchiveIndex archive;
    final ArticleIngestor ingestor;
    final HybridSearch search;
    final Prompts prompts = Prompts.load(null);
    /** The PostgreSQL schema to drop on close; null for the embedded archive. */
    private final FreshSchemaArchive schema;

    /** The embedded archive, in {@code folder}. */
    AnswerRig(Path folder) {
        this(LuceneArchive.open(folder.resolve("archive"), "all-minilm-l6-v2-q", model().dimension()), null);
    }

    /** PostgreSQL, in a fresh schema named after {@code prefix}, dropped on close. */
    static AnswerRig postgres(String prefix) {
        FreshSchemaArchive schema = new FreshSchemaArchive(prefix);
        return new AnswerRig(schema.open("all-minilm-l6-v2-q", model().dimension()), schema);
    }

    private AnswerRig(ArchiveIndex archive, FreshSchemaArchive schema) {
        this.archive = archive;
        this.schema = schema;
        ingestor = new ArticleIngestor(archive, embeddings, new Chunker(new HuggingFaceTokenCountEstimator(), 200));
        new SampleArchive(archive, ingestor).loadIfEmpty();
        assertThat(new FileIngest(
                                ingestor,
                                new io.newsqa.ingest.source.SourceReaders(
                                        io.newsqa.ingest.source.FieldMapping.DEFAULT, java.time.Duration.ofSeconds(5)))
                        .ingest(List.of(SEED))
                        .rejections())
                .isEmpty();
        Map<String, FusionWeights> weights =
                Map.of("ar", new FusionWeights(0.2, 1.0, 60), "en", new FusionWeights(1, 1, 60));
        search = new HybridSearch(
                archive,
                embeddings,
                HybridSearch.Settings.of(language -> weights.getOrDefault(language, new FusionWeights(1, 1, 60)), 2));
    }

    private static synchronized EmbeddingModel model() {
        if (sharedModel == null) {
            sharedModel = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        return sharedModel;
    }

    static final ExtractiveSettings SETTINGS = new ExtractiveSettings(
            Map.of("ar", 0.5, "en", 1.0, "default", 0.5), Map.of("ar", 0.0, "en", 1.0, "default", 0.0), 3, 700);
    private static final Map<String, FusionWeights> WEIGHTS =
            Map.of("ar", new FusionWeights(0.0, 1.0, 60), "en", new FusionWeights(0.3, 1.0, 60));
    private static List<DictionaryQueryTranslator> translators;

    ExtractiveAnswerer extractive() {
        return new ExtractiveAnswerer(new SentenceEmbedder(embeddings), SETTINGS);
    }

    /** The FreeDict dictionaries as scripts/test.sh installs them, loaded once. */
    static synchronized List<DictionaryQueryTranslator> dictionaries() {
        if (translators == null) {
            translators = DictionaryTranslators.load(
                    Path.of("/usr/share/dictd"), Path.of("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo"), 4);
            assertThat(translators)
                    .as("FreeDict eng-ara and ara-eng installed (scripts/provision-dictionaries.sh)")
                    .hasSize(2);
        }
        return translators;
    }

    /** Extractive answers over a search with application.yml's fusion weights; no conversation. */
    AnswerService productionService() {
        HybridSearch production = new HybridSearch(
                archive,
                embeddings,
                HybridSearch.Settings.of(language -> WEIGHTS.getOrDefault(language, new FusionWeights(1, 1, 60)), 2));
        return new AnswerService(
                production, 6, extractive(), prompts, null, new Conversations(new InMemoryChatMemoryStore(), 10));
    }

    /**
     * Extractive answers with cross-lingual search and quoting through the dictionaries, as the
     * product runs when they are installed; no conversation.
     */
    AnswerService translatingService() {
        HybridSearch crossLingual = new HybridSearch(
                archive,
                embeddings,
                HybridSearch.Settings.of(language -> WEIGHTS.getOrDefault(language, new FusionWeights(1, 1, 60)), 2),
                new CrossLingualRanking(archive, dictionaries(), 1.0),
                QuestionTime.off());
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(
                new SentenceEmbedder(embeddings), SETTINGS, new QuestionTranslation(dictionaries()));
        return new AnswerService(
                crossLingual, 6, answerer, prompts, null, new Conversations(new InMemoryChatMemoryStore(), 10));
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
        LlmAnswerer llm = new LlmAnswerer(
                ChatProviders.build(settings), settings.timeout(), settings.maxRetries(), settings.retryBackoff());
        return new AnswerService(
                search,
                6,
                extractive(),
                prompts,
                llm,
                new Conversations(new FileChatMemoryStore(folder.resolve("conversations")), 10));
    }

    @Override
    public void close() {
        if (schema != null) {
            schema.drop(archive);
        } else {
            archive.close();
        }
    }
}
