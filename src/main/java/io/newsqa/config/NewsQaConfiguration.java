package io.newsqa.config;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.archive.postgres.PgVectorArchive;
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
import javax.sql.DataSource;
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
        if (database.dataSource().isPresent()) {
            log.info("Archive: PostgreSQL at {} (schema {})", properties.db().url(), database.schema());
            return postgresArchive(properties, embeddings, database);
        }
        log.info("Archive: embedded, in {}", properties.dataDir().toAbsolutePath());
        return embeddedArchive(properties, embeddings);
    }

    /** The embedded archive in the configured data folder. */
    public static LuceneArchive embeddedArchive(NewsQaProperties properties, Embeddings embeddings) {
        return LuceneArchive.open(
                properties.dataDir(),
                embeddings.id(),
                embeddings.dimension(),
                properties.retrieval().efSearch());
    }

    /** The PostgreSQL archive on the configured database, borrowing its pool. */
    public static PgVectorArchive postgresArchive(
            NewsQaProperties properties, Embeddings embeddings, Database database) {
        DataSource pool = database.dataSource()
                .orElseThrow(
                        () -> new IllegalStateException(
                                "No PostgreSQL database is configured: set NEWSQA_DB_URL, e.g. jdbc:postgresql://localhost:5432/newsqa"));
        return PgVectorArchive.open(
                pool,
                false,
                embeddings.id(),
                embeddings.dimension(),
                database.schema(),
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
