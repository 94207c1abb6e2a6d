package io.newsqa.ingest.feed;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.config.Database;
import io.newsqa.config.NewsQaProperties;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.IngestProperties;
import io.newsqa.ingest.source.FetchAddressPolicy;
import io.newsqa.ingest.source.UrlFetcher;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires registered feeds: their store beside the archive, the poller, and (in the server only;
 * one-shot commands never poll) the scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedProperties.class)
class FeedConfiguration {

    /**
     * PostgreSQL when the archive is there, else a file beside the embedded archive. The archive
     * is a parameter so that, with PostgreSQL, its migrations (which create the feeds table) have run.
     */
    @Bean
    FeedStore feedStore(NewsQaProperties properties, Database database, ArchiveIndex archive) {
        if (database.dataSource().isPresent()) {
            return new PostgresFeedStore(database.dataSource().get(), database.schema());
        }
        return FileFeedStore.inDataDir(properties.dataDir());
    }

    @Bean
    FeedPoller feedPoller(
            FeedStore store,
            ArticleIngestor ingestor,
            IngestProperties ingest,
            FeedProperties feeds,
            FetchAddressPolicy addresses) {
        UrlFetcher fetcher = new UrlFetcher(
                ingest.fetchTimeout(),
                feeds.fetchDeadline(),
                feeds.maxFeedSize().toBytes(),
                addresses);
        return new FeedPoller(store, ingestor, fetcher, feeds, instanceName());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnWebApplication
    FeedScheduler feedScheduler(FeedPoller poller, FeedProperties feeds) {
        return new FeedScheduler(poller, feeds);
    }

    /** Host, process and a random part: unique even for two applications in one JVM (as in the tests). */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
