package io.newsqa.config;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.archive.postgres.PgVectorArchive;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.translate.CrossLingualRanking;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the core: embedding model, database, archive, retrieval (ingestion:
 * {@code ingest.IngestConfiguration}; answering: {@code answer.AnswerConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NewsQaProperties.class)
public class NewsQaConfiguration {

    /** Recorded in the archive so that vectors of different models never mix. */
    public static final String EMBEDDING_MODEL_ID = "all-minilm-l6-v2-q";

    private static final Logger log = LoggerFactory.getLogger(NewsQaConfiguration.class);

    @Bean
    EmbeddingModel embeddingModel() {
        return MiniLmEmbeddingModel.create();
    }

    @Bean(destroyMethod = "close")
    Database database(NewsQaProperties properties) {
        return Database.from(properties.db());
    }

    @Bean(destroyMethod = "close")
    ArchiveIndex archive(NewsQaProperties properties, EmbeddingModel embeddings, Database database) {
        int dimension = embeddings.dimension();
        if (database.dataSource().isPresent()) {
            log.info("Archive: PostgreSQL at {} (schema {})", properties.db().url(), database.schema());
            return PgVectorArchive.open(database.dataSource().get(), false, EMBEDDING_MODEL_ID, dimension, database.schema());
        }
        log.info("Archive: embedded, in {}", properties.dataDir().toAbsolutePath());
        return LuceneArchive.open(properties.dataDir(), EMBEDDING_MODEL_ID, dimension);
    }

    @Bean
    HybridSearch hybridSearch(ArchiveIndex archive, EmbeddingModel embeddings, NewsQaProperties properties,
                              CrossLingualRanking crossLingual) {
        NewsQaProperties.Retrieval retrieval = properties.retrieval();
        return new HybridSearch(archive, embeddings, fusionWeights(retrieval), retrieval.maxChunksPerArticle(), crossLingual);
    }

    /** The configured fusion weights of a question language; unlisted languages use "default". */
    public static Function<String, FusionWeights> fusionWeights(NewsQaProperties.Retrieval retrieval) {
        Map<String, NewsQaProperties.Weights> weights = retrieval.weights();
        NewsQaProperties.Weights fallback = weights.getOrDefault("default", new NewsQaProperties.Weights(1, 1));
        return language -> {
            NewsQaProperties.Weights w = weights.getOrDefault(language, fallback);
            return new FusionWeights(w.dense(), w.lexical(), retrieval.rrfK());
        };
    }
}
