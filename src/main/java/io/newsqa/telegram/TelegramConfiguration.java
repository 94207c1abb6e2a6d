package io.newsqa.telegram;

import io.newsqa.answer.AnswerService;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.config.Database;
import io.newsqa.config.NewsQaProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Telegram bot, in the server only (the one-shot commands have no use for it). The archive
 * is a parameter so that, with PostgreSQL, its migrations (which create the offset table) have
 * run before the bot starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(TelegramProperties.class)
class TelegramConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    TelegramBot telegramBot(
            TelegramProperties telegram,
            NewsQaProperties newsQa,
            AnswerService answers,
            ArchiveIndex archive,
            Database database) {
        return new TelegramBot(
                telegram,
                new TelegramAnswers(answers),
                () -> offsetStore(telegram, newsQa, database),
                Clock.systemUTC());
    }

    /** PostgreSQL when the archive is there, else a file beside the embedded archive. */
    private static OffsetStore offsetStore(TelegramProperties telegram, NewsQaProperties newsQa, Database database) {
        if (database.dataSource().isPresent()) {
            return new PostgresOffsetStore(
                    database.dataSource().get(), database.schema(), telegram.botId(), Clock.systemUTC());
        }
        return FileOffsetStore.inDataDir(newsQa.dataDir(), telegram.botId(), Clock.systemUTC());
    }
}
