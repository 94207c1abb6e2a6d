package io.newsqa.embedding;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which model embeds passages and questions ({@code newsqa.embedding.*}, e.g.
 * {@code NEWSQA_EMBEDDING_PROVIDER}). Defaults and comments are in {@code application.yml}.
 *
 * @param provider      {@code built-in}, {@code onnx} (a model file of your own), {@code openai}
 *                      (any OpenAI-compatible {@code /embeddings} endpoint) or {@code ollama}
 * @param model         built-in: one of {@link BuiltInModel#ids()}; onnx: the {@code .onnx} file;
 *                      openai / ollama: the provider's model name
 * @param tokenizer     onnx: the model's {@code tokenizer.json}; empty: the one beside the model file
 * @param pooling       onnx: how token vectors become one ({@code mean} or {@code cls}, as the model was trained)
 * @param threads       in-process models: inferences in parallel; 0: one per core
 * @param baseUrl       openai / ollama: the endpoint; empty: the provider's own
 * @param apiKey        openai: the key, where the endpoint wants one
 * @param dimensions    openai: the vector size to ask for (text-embedding-3 models can shorten theirs); empty: the model's
 * @param timeout       openai / ollama: one request
 * @param maxRetries    openai / ollama: further attempts after a failed request
 * @param queryPrefix   onnx / openai / ollama: text put before each question (built-in models have their own)
 * @param passagePrefix onnx / openai / ollama: text put before each passage
 * @param maxInputTokens onnx / openai / ollama: the most word pieces of one text the model reads
 *                      ([CLS] and [SEP] included); empty: 512. Built-in models know their own.
 */
@ConfigurationProperties("newsqa.embedding")
public record EmbeddingProperties(
        @DefaultValue("built-in") String provider,
        @DefaultValue("all-minilm-l6-v2-q") String model,
        Path tokenizer,
        @DefaultValue("mean") String pooling,
        @DefaultValue("0") int threads,
        String baseUrl,
        String apiKey,
        Integer dimensions,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("2") int maxRetries,
        String queryPrefix,
        String passagePrefix,
        Integer maxInputTokens) {}
