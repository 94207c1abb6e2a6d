package io.newsqa.answer.llm;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The language model that writes answers ({@code newsqa.llm.*}, e.g. {@code NEWSQA_LLM_PROVIDER}).
 * Defaults and comments are in {@code application.yml}.
 *
 * @param provider      {@code none} (extractive answers), {@code openai} (any OpenAI-compatible
 *                      endpoint), {@code ollama} or {@code anthropic}
 * @param baseUrl       the endpoint; empty means the provider's public one (Ollama: localhost)
 * @param model         the model name, required with a provider
 * @param apiKey        the key, where the endpoint wants one
 * @param timeout       the whole budget for one answer, retries included; past it the extractive
 *                      answer is returned, marked as a fallback
 * @param maxRetries    further attempts after a failed one (only before any text has streamed)
 * @param retryBackoff  wait before the first retry; doubled for each next one
 * @param maxTokens     longest reply
 * @param temperature   sampling temperature; low, since the answer must stick to the sources
 * @param promptsDir    folder with the prompt templates; empty means the packaged ones
 */
@ConfigurationProperties("newsqa.llm")
public record LlmProperties(
        @DefaultValue("none") String provider,
        String baseUrl,
        String model,
        String apiKey,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("2") int maxRetries,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("600") int maxTokens,
        @DefaultValue("0.1") double temperature,
        Path promptsDir) {

    public boolean enabled() {
        return !"none".equalsIgnoreCase(provider == null ? "none" : provider.strip());
    }
}
