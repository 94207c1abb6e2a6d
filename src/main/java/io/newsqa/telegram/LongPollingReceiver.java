package io.newsqa.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling with the telegrambots long-polling application, pointed at the configured Bot API
 * URL. Each getUpdates asks for the update after the last one <em>handled</em> (from the offset
 * store, not the library's own counter), and the batch is handled on the polling thread before
 * the next getUpdates, so Telegram learns an update is done only once it is. Errors of
 * getUpdates (429, 5xx, dropped connections) are retried by the library with exponential
 * back-off.
 */
final class LongPollingReceiver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LongPollingReceiver.class);
    private static final Duration FINISH_BATCH = Duration.ofSeconds(30);

    private final TelegramBotsLongPollingApplication application;
    private final ScheduledExecutorService executor;
    private final OkHttpClient http;

    LongPollingReceiver(TelegramProperties properties, UpdateProcessor processor) throws TelegramApiException {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "telegram-polling");
            thread.setDaemon(true);
            return thread;
        });
        Duration pollTimeout = properties.pollTimeout();
        // Telegram holds a getUpdates call open for up to the poll timeout: read for longer than that.
        this.http = new OkHttpClient.Builder()
                .readTimeout(pollTimeout.plusSeconds(20))
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        TelegramProperties.Retry retry = properties.retry();
        this.application = new TelegramBotsLongPollingApplication(
                ObjectMapper::new,
                () -> http,
                () -> executor,
                () -> new ExponentialBackOff.Builder()
                        .setInitialIntervalMillis((int) retry.initialBackoff().toMillis())
                        .setMaxIntervalMillis((int) retry.maxBackoff().toMillis())
                        // The library's default gives up growing after 15 minutes by waiting 15 minutes
                        // between attempts; an outage should cost no more than maxBackoff after it ends.
                        .setMaxElapsedTimeMillis(Integer.MAX_VALUE)
                        .build());
        try {
            register(properties, processor);
        } catch (TelegramApiException | RuntimeException e) {
            // registerBot calls deleteWebhook first, which fails while Telegram is unreachable.
            executor.shutdownNow();
            throw e;
        }
    }

    private void register(TelegramProperties properties, UpdateProcessor processor) throws TelegramApiException {
        TelegramUrl url = properties.telegramUrl();
        int timeoutSeconds = (int) Math.max(0, properties.pollTimeout().toSeconds());
        application.registerBot(
                properties.token().strip(),
                () -> url,
                ignoredLibraryCounter -> GetUpdates.builder()
                        .offset(processor.nextOffset())
                        .timeout(timeoutSeconds)
                        .limit(100)
                        .allowedUpdates(TelegramBot.WANTED_UPDATES)
                        .build(),
                updates -> processSafely(processor, updates));
    }

    /** An exception escaping here would end the library's polling task for good. */
    private static void processSafely(UpdateProcessor processor, List<Update> updates) {
        try {
            processor.process(updates);
        } catch (RuntimeException e) {
            log.error(
                    "Telegram updates {} could not be processed",
                    updates.stream().map(Update::getUpdateId).toList(),
                    e);
        }
    }

    @Override
    public void close() throws Exception {
        application.close();
        // A getUpdates call may be waiting on the server: cancel it rather than wait out the poll
        // timeout (its updates, if any, are neither handled nor confirmed; Telegram sends them again).
        // This client carries only getUpdates: answers go through the bot's own client.
        http.dispatcher().cancelAll();
        // A batch being handled is let finish, so that no answer is sent without being recorded.
        executor.shutdown();
        if (!executor.awaitTermination(FINISH_BATCH.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("Telegram updates still being handled after {} s; stopping them", FINISH_BATCH.toSeconds());
            executor.shutdownNow();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
