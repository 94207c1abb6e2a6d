package io.newsqa.retrieve;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.embedding.Embeddings;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.retrieve.time.ReferenceClock;
import io.newsqa.translate.CrossLingualRanking;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires retrieval: the hybrid search with its fusion weights, and the "now" time words are read against. */
@Configuration(proxyBeanMethods = false)
public class RetrievalConfiguration {

    @Bean
    HybridSearch hybridSearch(
            ArchiveIndex archive,
            Embeddings embeddings,
            RetrievalProperties retrieval,
            CrossLingualRanking crossLingual,
            Clock clock) {
        QuestionTime time = new QuestionTime(
                retrieval.time().enabled(),
                clock,
                retrieval.time().weekStartsOn(),
                retrieval.recency().halfLife());
        return new HybridSearch(
                archive,
                embeddings.queries(),
                new HybridSearch.Settings(
                        fusionWeights(retrieval, embeddings.id()),
                        retrieval.maxChunksPerArticle(),
                        retrieval.maxChunksPerStory(),
                        retrieval.crossLanguageDense()),
                crossLingual,
                time);
    }

    /**
     * "Now" for time words in questions: the real time, the configured reference, or the archive's
     * newest article's time, in the configured zone.
     */
    @Bean
    Clock clock(RetrievalProperties retrieval, ObjectProvider<ArchiveIndex> archive) {
        // The archive only when time words are read against it: eval's context must not open it.
        return ReferenceClock.of(
                retrieval.time().now(),
                retrieval.time().zone(),
                () -> archive.getObject().newestPublication());
    }

    /**
     * The configured fusion weights of a question language with this embedding model: the model's
     * own weights for the language where configured (a stronger model earns a larger dense weight),
     * else the language's; unlisted languages use "default".
     */
    public static Function<String, FusionWeights> fusionWeights(RetrievalProperties retrieval, String modelId) {
        Map<String, RetrievalProperties.Weights> weights = retrieval.weights();
        Map<String, RetrievalProperties.Weights> modelWeights =
                retrieval.modelWeights().getOrDefault(modelId, Map.of());
        RetrievalProperties.Weights fallback = weights.getOrDefault("default", new RetrievalProperties.Weights(1, 1));
        return language -> {
            RetrievalProperties.Weights w =
                    modelWeights.getOrDefault(language, weights.getOrDefault(language, fallback));
            return new FusionWeights(w.dense(), w.lexical(), retrieval.rrfK());
        };
    }
}
