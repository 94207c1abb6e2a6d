package io.newsqa.config;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveModel;
import io.newsqa.archive.backend.ArchiveBackends;
import io.newsqa.archive.backend.ArchiveLocation;
import io.newsqa.embedding.EmbeddingModels;
import io.newsqa.embedding.EmbeddingProperties;
import io.newsqa.embedding.Embeddings;
import io.newsqa.retrieve.RetrievalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires what every part shares: the embedding model, the database, the archive (retrieval:
 * {@code retrieve.RetrievalConfiguration}; ingestion: {@code ingest.IngestConfiguration};
 * answering: {@code answer.AnswerConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NewsQaProperties.class, EmbeddingProperties.class, RetrievalProperties.class})
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
    ArchiveIndex archive(
            NewsQaProperties properties, RetrievalProperties retrieval, Embeddings embeddings, Database database) {
        ArchiveLocation location = archiveLocation(properties, database);
        log.info(
                "Archive: {}",
                database.dataSource().isPresent()
                        ? "PostgreSQL at " + properties.db().url() + ", " + location.describe()
                        : "embedded, in " + properties.dataDir().toAbsolutePath());
        return ArchiveBackends.open(
                location, new ArchiveModel(embeddings.id(), embeddings.dimension()), tuning(properties, retrieval));
    }

    /** Where the configured archive lives: the database's schema when one is configured, else the data folder. */
    public static ArchiveLocation archiveLocation(NewsQaProperties properties, Database database) {
        return database.dataSource()
                .<ArchiveLocation>map(pool -> new ArchiveLocation.Schema(pool, database.schema()))
                .orElseGet(() -> new ArchiveLocation.Folder(properties.dataDir()));
    }

    /** The archive tuning the settings ask for. */
    public static ArchiveBackends.Tuning tuning(NewsQaProperties properties, RetrievalProperties retrieval) {
        return new ArchiveBackends.Tuning(
                retrieval.efSearch(),
                Math.toIntExact(properties.db().indexBuildMemory().toMegabytes()));
    }
}
