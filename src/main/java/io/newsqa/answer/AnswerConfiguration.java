package io.newsqa.answer;

import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.newsqa.answer.conversation.ConversationProperties;
import io.newsqa.answer.conversation.Conversations;
import io.newsqa.answer.conversation.FileChatMemoryStore;
import io.newsqa.answer.conversation.JdbcChatMemoryStore;
import io.newsqa.answer.llm.ChatProviders;
import io.newsqa.answer.llm.LlmAnswerer;
import io.newsqa.answer.llm.LlmProperties;
import io.newsqa.answer.llm.Prompts;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.config.Database;
import io.newsqa.config.NewsQaProperties;
import io.newsqa.embedding.Embeddings;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.RetrievalProperties;
import io.newsqa.translate.LlmQueryTranslator;
import io.newsqa.translate.LlmTranslationMode;
import io.newsqa.translate.QuestionTranslation;
import io.newsqa.translate.TranslationProperties;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires answering: prompts, the optional language model, conversation memory, the answer service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LlmProperties.class, ConversationProperties.class, AnswerProperties.class})
public class AnswerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AnswerConfiguration.class);

    @Bean
    Prompts prompts(LlmProperties llm) {
        return Prompts.load(llm.promptsDir());
    }

    /** The configured model, or a holder of {@code null} for extractive answers. */
    @Bean(destroyMethod = "close")
    LlmHolder llmAnswerer(LlmProperties llm) {
        if (!llm.enabled()) {
            log.info("Answers: extractive (no language model configured; set NEWSQA_LLM_PROVIDER to use one)");
            return new LlmHolder(null);
        }
        log.info(
                "Answers: language model {} via {}{}",
                llm.model(),
                llm.provider(),
                llm.baseUrl() == null || llm.baseUrl().isBlank() ? "" : " at " + llm.baseUrl());
        return new LlmHolder(
                new LlmAnswerer(ChatProviders.build(llm), llm.timeout(), llm.maxRetries(), llm.retryBackoff()));
    }

    /**
     * Query translation by the configured model, fused into hybrid search with the
     * dictionary translation; off without a model or with {@code newsqa.translation.llm=off}.
     */
    @Bean(destroyMethod = "close")
    LlmQueryTranslator llmQueryTranslator(LlmProperties llm, Prompts prompts, TranslationProperties translation) {
        if (!llm.enabled() || !translation.enabled() || translation.llm() == LlmTranslationMode.OFF) {
            return LlmQueryTranslator.off();
        }
        log.info(
                "Query translation: language model {} ({}), within {}",
                llm.model(),
                translation.llm(),
                translation.llmTimeout());
        return new LlmQueryTranslator(
                ChatProviders.build(llm).blocking(),
                (question, targets) -> prompts.fill(
                        prompts.translateQuery(),
                        Map.of("languages", String.join(", ", targets), "question", question)),
                translation.llmTimeout());
    }

    /** Spring beans cannot be null; this carries the absent model. */
    record LlmHolder(LlmAnswerer answerer) implements AutoCloseable {
        @Override
        public void close() {
            if (answerer != null) {
                answerer.close();
            }
        }
    }

    /**
     * In PostgreSQL next to the archive when a database is configured (its table comes with the
     * archive's migrations, hence the archive parameter), else JSON files under the data folder.
     */
    @Bean
    ChatMemoryStore chatMemoryStore(
            NewsQaProperties properties, ConversationProperties conversation, Database database, ArchiveIndex archive) {
        if (database.dataSource().isPresent()) {
            return new JdbcChatMemoryStore(database.dataSource().get(), database.schema());
        }
        Path folder = conversation.dir() != null
                ? conversation.dir()
                : properties.dataDir().resolve("conversations");
        return new FileChatMemoryStore(folder);
    }

    /** The answer without a language model, as configured ({@code newsqa.answer.*}); {@code eval} measures it too. */
    @Bean
    ExtractiveAnswerer extractiveAnswerer(
            Embeddings embeddings, AnswerProperties answer, QuestionTranslation translation) {
        ExtractiveSettings settings = new ExtractiveSettings(
                withDefault(answer.minScore(), 0.5),
                withDefault(answer.embeddingWeight(), 0.0),
                answer.maxSentences(),
                answer.maxCharacters());
        return new ExtractiveAnswerer(
                new SentenceEmbedder(embeddings.queries(), embeddings.passages()), settings, translation);
    }

    @Bean
    AnswerService answerService(
            HybridSearch search,
            RetrievalProperties retrieval,
            ExtractiveAnswerer extractive,
            Prompts prompts,
            LlmHolder llm,
            ChatMemoryStore memory,
            ConversationProperties conversation) {
        return new AnswerService(
                search,
                retrieval.passages(),
                extractive,
                prompts,
                llm.answerer(),
                new Conversations(memory, conversation.maxMessages()));
    }

    private static Map<String, Double> withDefault(Map<String, Double> values, double fallback) {
        Map<String, Double> result = new HashMap<>(values);
        result.putIfAbsent("default", fallback);
        return result;
    }
}
