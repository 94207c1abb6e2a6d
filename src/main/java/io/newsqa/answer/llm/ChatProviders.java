package io.newsqa.answer.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.Locale;

/**
 * Builds the configured provider's LangChain4j chat models, blocking and streaming. Their own
 * retries are off: {@link LlmAnswerer} retries within the answer's time budget.
 */
public final class ChatProviders {

    /** The two ways of calling one provider. */
    public record Models(ChatModel blocking, StreamingChatModel streaming) {}

    private ChatProviders() {}

    public static Models build(LlmProperties p) {
        String provider = p.provider() == null ? "" : p.provider().strip().toLowerCase(Locale.ROOT);
        if (p.model() == null || p.model().isBlank()) {
            throw new IllegalStateException("newsqa.llm.provider is '" + provider + "' but no model is named: set"
                    + " NEWSQA_LLM_MODEL (e.g. gpt-4o-mini, llama3.1, claude-3-5-haiku-latest), or set"
                    + " NEWSQA_LLM_PROVIDER=none for extractive answers.");
        }
        return switch (provider) {
            case "openai" ->
                new Models(
                        OpenAiChatModel.builder()
                                .baseUrl(blankToNull(p.baseUrl()))
                                .apiKey(keyOrPlaceholder(p.apiKey()))
                                .modelName(p.model())
                                .timeout(p.timeout())
                                .maxRetries(0)
                                .maxTokens(p.maxTokens())
                                .temperature(p.temperature())
                                .build(),
                        OpenAiStreamingChatModel.builder()
                                .baseUrl(blankToNull(p.baseUrl()))
                                .apiKey(keyOrPlaceholder(p.apiKey()))
                                .modelName(p.model())
                                .timeout(p.timeout())
                                .maxTokens(p.maxTokens())
                                .temperature(p.temperature())
                                .build());
            case "ollama" ->
                new Models(
                        OllamaChatModel.builder()
                                .baseUrl(ollamaUrl(p.baseUrl()))
                                .modelName(p.model())
                                .timeout(p.timeout())
                                .maxRetries(0)
                                .numPredict(p.maxTokens())
                                .temperature(p.temperature())
                                .build(),
                        OllamaStreamingChatModel.builder()
                                .baseUrl(ollamaUrl(p.baseUrl()))
                                .modelName(p.model())
                                .timeout(p.timeout())
                                .numPredict(p.maxTokens())
                                .temperature(p.temperature())
                                .build());
            case "anthropic" ->
                new Models(
                        AnthropicChatModel.builder()
                                .baseUrl(blankToNull(p.baseUrl()))
                                .apiKey(requireKey(p.apiKey(), provider))
                                .modelName(p.model())
                                .timeout(p.timeout())
                                .maxRetries(0)
                                .maxTokens(p.maxTokens())
                                .temperature(p.temperature())
                                .build(),
                        AnthropicStreamingChatModel.builder()
                                .baseUrl(blankToNull(p.baseUrl()))
                                .apiKey(requireKey(p.apiKey(), provider))
                                .modelName(p.model())
                                .timeout(p.timeout())
                                .maxTokens(p.maxTokens())
                                .temperature(p.temperature())
                                .build());
            default ->
                throw new IllegalStateException("Unknown newsqa.llm.provider '" + p.provider() + "': use none, openai"
                        + " (also vLLM, llama.cpp server, LM Studio with NEWSQA_LLM_BASE_URL), ollama or anthropic.");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String ollamaUrl(String baseUrl) {
        String url = blankToNull(baseUrl);
        return url == null ? "http://localhost:11434" : url;
    }

    /** Local OpenAI-compatible servers (vLLM, llama.cpp, LM Studio) want no key, but the client requires one. */
    private static String keyOrPlaceholder(String apiKey) {
        String key = blankToNull(apiKey);
        return key == null ? "no-key" : key;
    }

    private static String requireKey(String apiKey, String provider) {
        String key = blankToNull(apiKey);
        if (key == null) {
            throw new IllegalStateException(
                    "newsqa.llm.provider is '" + provider + "', which needs an API key: set NEWSQA_LLM_API_KEY.");
        }
        return key;
    }
}
