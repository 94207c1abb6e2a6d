package io.newsqa.ingest;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.config.NewsQaProperties;
import io.newsqa.embedding.Embeddings;
import io.newsqa.ingest.source.FetchAddressPolicy;
import io.newsqa.ingest.source.FetchProperties;
import io.newsqa.ingest.source.FieldMapping;
import io.newsqa.ingest.source.SourceReaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires ingestion: chunking, deduplication, batching, and the source readers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IngestProperties.class, FetchProperties.class})
public class IngestConfiguration {

    @Bean
    ArticleIngestor articleIngestor(
            ArchiveIndex archive, Embeddings embeddings, NewsQaProperties properties, IngestProperties ingest) {
        return new ArticleIngestor(
                archive,
                embeddings.passages(),
                Chunker.forModel(embeddings, properties.chunkTokens()),
                ingest.similarityThresholds(),
                ingest.batchChunks(),
                ingest.storeBatchArticles());
    }

    /** The addresses pages and feeds may be fetched from. */
    @Bean
    FetchAddressPolicy fetchAddressPolicy(FetchProperties fetch) {
        return fetch.policy();
    }

    @Bean
    FileIngest fileIngest(ArticleIngestor ingestor, IngestProperties ingest, FetchAddressPolicy addresses) {
        return new FileIngest(
                ingestor,
                new SourceReaders(FieldMapping.DEFAULT.withZone(ingest.timeZone()), ingest.fetchTimeout(), addresses));
    }

    /** Re-chunks and re-embeds stored articles on request (admin API). */
    @Bean
    Reindexing reindexing(ArchiveIndex archive, ArticleIngestor ingestor) {
        return new Reindexing(archive, ingestor, java.time.Clock.systemUTC());
    }

    @Bean
    SampleArchive sampleArchive(ArchiveIndex archive, ArticleIngestor ingestor) {
        return new SampleArchive(archive, ingestor);
    }

    @Bean
    SampleOnServe sampleOnServe(
            ObjectProvider<SampleArchive> sample, NewsQaProperties properties, Environment environment) {
        return new SampleOnServe(sample, properties, environment);
    }
}
