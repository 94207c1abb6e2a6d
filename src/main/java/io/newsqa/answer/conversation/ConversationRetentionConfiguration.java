package io.newsqa.answer.conversation;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.config.Database;
import io.newsqa.config.NewsQaProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sweeps old conversations in the server, where they are written (files or the database, as stored). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConversationRetentionConfiguration.Retention.class)
class ConversationRetentionConfiguration {

    /** @param retention how long a conversation nobody continues is kept */
    @ConfigurationProperties("newsqa.conversation")
    record Retention(@DefaultValue("30d") Duration retention) {}

    /** The archive is a parameter so that, with PostgreSQL, its migrations (the conversations table) have run. */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnWebApplication
    ConversationRetention conversationRetention(
            Retention settings,
            NewsQaProperties properties,
            ConversationProperties conversation,
            Database database,
            ArchiveIndex archive) {
        ConversationRetention.Sweep sweep = database.dataSource()
                .map(source -> ConversationRetention.table(source, database.schema()))
                .orElseGet(() -> {
                    Path folder = conversation.dir() != null
                            ? conversation.dir()
                            : properties.dataDir().resolve("conversations");
                    return ConversationRetention.files(folder);
                });
        return new ConversationRetention(settings.retention(), sweep, Clock.systemUTC());
    }
}
