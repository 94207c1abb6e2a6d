package io.newsqa.support;

import io.newsqa.embedding.BuiltInModel;
import io.newsqa.embedding.EmbeddingProperties;
import java.time.Duration;

/** {@code newsqa.embedding} settings for tests, as the application would bind them. */
public final class EmbeddingSettings {

    private EmbeddingSettings() {}

    /** The built-in default model, as when nothing is configured. */
    public static EmbeddingProperties defaults() {
        return builtIn(BuiltInModel.DEFAULT.id());
    }

    public static EmbeddingProperties builtIn(String model) {
        return new EmbeddingProperties(
                "built-in", model, null, "mean", 0, null, null, null, Duration.ofSeconds(30), 2, null, null, null);
    }

    public static EmbeddingProperties provider(
            String provider, String baseUrl, String model, String apiKey, String queryPrefix, String passagePrefix) {
        return new EmbeddingProperties(
                provider,
                model,
                null,
                "mean",
                0,
                baseUrl,
                apiKey,
                null,
                Duration.ofSeconds(10),
                2,
                queryPrefix,
                passagePrefix,
                null);
    }
}
