package io.newsqa.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newsqa.answer.AnswerService;
import io.newsqa.answer.ExtractiveAnswerer;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.archive.postgres.PgVectorArchive;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.FileIngest;
import io.newsqa.ingest.SampleArchive;
import io.newsqa.retrieve.FusionWeights;
import io.newsqa.retrieve.HybridSearch;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the pipeline: embedding model, archive, ingestion, retrieval, answering. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NewsQaProperties.class)
public class NewsQaConfiguration {

    /** Recorded in the archive so that vectors of different models never mix. */
    public static final String EMBEDDING_MODEL_ID = "all-minilm-l6-v2-q";

    private static final Logger log = LoggerFactory.getLogger(NewsQaConfiguration.class);

    @Bean
    EmbeddingModel embeddingModel() {
        return new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Bean(destroyMethod = "close")
    ArchiveIndex archive(NewsQaProperties properties, EmbeddingModel embeddings) {
        int dimension = embeddings.dimension();
        NewsQaProperties.Db db = properties.db();
        if (db.configured()) {
            log.info("Archive: PostgreSQL at {} (schema {})", db.url(), db.schema());
            return PgVectorArchive.open(dataSource(db), true, EMBEDDING_MODEL_ID, dimension, db.schema());
        }
        log.info("Archive: embedded, in {}", properties.dataDir().toAbsolutePath());
        return LuceneArchive.open(properties.dataDir(), EMBEDDING_MODEL_ID, dimension);
    }

    private static HikariDataSource dataSource(NewsQaProperties.Db db) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setPoolName("newsqa-archive");
        return new HikariDataSource(config);
    }

    @Bean
    ArticleIngestor articleIngestor(ArchiveIndex archive, EmbeddingModel embeddings, NewsQaProperties properties) {
        return new ArticleIngestor(archive, embeddings, new Chunker(new HuggingFaceTokenCountEstimator(), properties.chunkTokens()));
    }

    @Bean
    FileIngest fileIngest(ArticleIngestor ingestor) {
        return new FileIngest(ingestor);
    }

    @Bean
    SampleArchive sampleArchive(ArchiveIndex archive, ArticleIngestor ingestor) {
        return new SampleArchive(archive, ingestor);
    }

    @Bean
    HybridSearch hybridSearch(ArchiveIndex archive, EmbeddingModel embeddings, NewsQaProperties properties) {
        NewsQaProperties.Retrieval retrieval = properties.retrieval();
        return new HybridSearch(archive, embeddings, fusionWeights(retrieval), retrieval.maxChunksPerArticle());
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

    @Bean
    AnswerService answerService(HybridSearch search, NewsQaProperties properties) {
        NewsQaProperties.AnswerSettings answer = properties.answer();
        return new AnswerService(search,
                new ExtractiveAnswerer(answer.minCoverage(), answer.maxSentences(), answer.maxCharacters()),
                properties.retrieval().passages());
    }
}
