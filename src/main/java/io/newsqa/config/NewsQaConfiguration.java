package io.newsqa.config;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveModel;
import io.newsqa.archive.backend.ArchiveBackends;
import io.newsqa.archive.backend.ArchiveLocation;
import io.newsqa.embedding.EmbeddingModels;
import io.newsqa.embedding.EmbeddingProperties;
import io.newsqa.embedding.Embeddings;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.time.QuestionTime;
import io.newsqa.retrieve.time.ReferenceClock;
import io.newsqa.translate.CrossLingualRanking;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the core: embedding model, database, archive, retrieval (ingestion:
 * {@code ingest.IngestConfiguration}; answering: {@code answer.AnswerConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NewsQaProperties.class, EmbeddingProperties.class})
public class NewsQaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NewsQaConfiguration.class);

    @Bean
    Embeddings embeddings(EmbeddingProperties settings) {
        Embeddings embeddings = EmbeddingModels.load(settings);
        log.info("Embedding model: {} (archive id {})", embeddings.description(), embeddings.id());
        return embeddings;
    }

    @Bean(destroyMethod = "close")
    Database database(NewsQaProperties properties) {
        return Database.from(properties.db());
    }

    @Bean(destroyMethod = "close")
    ArchiveIndex archive(NewsQaProperties properties, Embeddings embeddings, Database database) {
        ArchiveLocation location = archiveLocation(properties, database);
        log.info(
                "Archive: {}",
                database.dataSource().isPresent()
                        ? "PostgreSQL at " + properties.db().url() + ", " + location.describe()
                        : "embedded, in " + properties.dataDir().toAbsolutePath());
        return ArchiveBackends.open(
                location, new ArchiveModel(embeddings.id(), embeddings.dimension()), tuning(properties));
    }

    /** Where the configured archive lives: the database's schema when one is configured, else the data folder. */
    public static ArchiveLocation archiveLocation(NewsQaProperties properties, Database database) {
        return database.dataSource()
                .<ArchiveLocation>map(pool -> new ArchiveLocation.Schema(pool, database.schema()))
                .orElseGet(() -> new ArchiveLocation.Folder(properties.dataDir()));
    }

    /** The archive tuning the settings ask for. */
    public static ArchiveBackends.Tuning tuning(NewsQaProperties properties) {
        return new ArchiveBackends.Tuning(
                properties.retrieval().efSearch(),
                Math.toIntExact(properties.db().indexBuildMemory().toMegabytes()));
    }

    @Bean
    HybridSearch hybridSearch(
            ArchiveIndex archive,
            Embeddings embeddings,
            NewsQaProperties properties,
            CrossLingualRanking crossLingual,
            Clock clock) {
        NewsQaProperties.Retrieval retrieval = properties.retrieval();
        QuestionTime time = new QuestionTime(
                retrieval.time().enabled(),
                clock,
                retrieval.time().weekStartsOn(),
                retrieval.recency().halfLife());
        return new HybridSearch(
                archive,
                embeddings.queries(),
                fusionWeights(retrieval, embeddings.id()),
                retrieval.maxChunksPerArticle(),
                crossLingual,
                time,
                retrieval.crossLanguageDense(),
                retrieval.maxChunksPerStory());
    }

    /**
     * "Now" for time words in questions: the real time, the configured reference, or the archive's
     * newest article's time, in the configured zone.
     */
    @Bean
    Clock clock(NewsQaProperties properties, ObjectProvider<ArchiveIndex> archive) {
        // The archive only when time words are read against it: eval's context must not open it.
        return ReferenceClock.of(
                properties.retrieval().time().now(),
                properties.retrieval().time().zone(),
                () -> archive.getObject().newestPublication());
    }

    /**
     * The configured fusion weights of a question language with this embedding model: the model's
     * own weights for the language where configured (a stronger model earns a larger dense weight),
     * else the language's; unlisted languages use "default".
     */
    public static Function<String, FusionWeights> fusionWeights(NewsQaProperties.Retrieval retrieval, String modelId) {
        Map<String, NewsQaProperties.Weights> weights = retrieval.weights();
        Map<String, NewsQaProperties.Weights> modelWeights =
                retrieval.modelWeights().getOrDefault(modelId, Map.of());
        NewsQaProperties.Weights fallback = weights.getOrDefault("default", new NewsQaProperties.Weights(1, 1));
        return language -> {
            NewsQaProperties.Weights w = modelWeights.getOrDefault(language, weights.getOrDefault(language, fallback));
            return new FusionWeights(w.dense(), w.lexical(), retrieval.rrfK());
        };
    }
}
