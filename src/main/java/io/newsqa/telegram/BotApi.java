package io.newsqa.telegram;

import java.io.Serializable;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Calls the Bot API through the telegrambots client and rides out its bad moments: a 429 waits
 * the {@code retry_after} Telegram asks for, a 5xx, a garbled reply or a dropped connection waits
 * an exponentially growing pause; other errors (400 bad request, 403 blocked by the user) are
 * final, since repeating them cannot help.
 */
final class BotApi {

    private static final Logger log = LoggerFactory.getLogger(BotApi.class);
    /** Telegram's flood-control waits can be long; waiting longer than this blocks every other chat. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

    private final TelegramClient client;
    private final TelegramProperties.Retry retry;

    BotApi(TelegramClient client, TelegramProperties.Retry retry) {
        this.client = client;
        this.retry = retry;
    }

    <T extends Serializable> T call(BotApiMethod<T> method) throws TelegramApiException {
        return withRetries(method.getMethod(), () -> client.execute(method));
    }

    /** setWebhook goes as a multipart upload, a separate path in the client. */
    boolean call(SetWebhook method) throws TelegramApiException {
        return Boolean.TRUE.equals(withRetries(method.getMethod(), () -> client.execute(method)));
    }

    private interface Call<T> {
        T run() throws TelegramApiException;
    }

    private <T> T withRetries(String name, Call<T> call) throws TelegramApiException {
        Duration backoff = retry.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (TelegramApiException e) {
                Duration wait = retryAfter(e);
                if (wait == null) {
                    wait = backoff;
                    backoff = min(backoff.multipliedBy(2), retry.maxBackoff());
                }
                if (!retryable(e) || attempt >= retry.attempts()) {
                    throw e;
                }
                log.warn(
                        "Telegram {} failed (attempt {} of {}): {}; retrying in {} ms",
                        name,
                        attempt,
                        retry.attempts(),
                        e.getMessage(),
                        wait.toMillis());
                sleep(wait);
            }
        }
    }

    /** Flood control: Telegram says how many seconds to wait. */
    private static Duration retryAfter(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException request
                && request.getParameters() != null
                && request.getParameters().getRetryAfter() != null) {
            return min(Duration.ofSeconds(request.getParameters().getRetryAfter()), MAX_RETRY_AFTER);
        }
        return null;
    }

    /**
     * The client reports Telegram's own errors with their code; transport failures and replies
     * that are not Bot API JSON (a proxy's 502 page) come without one (0 or null).
     */
    static boolean retryable(TelegramApiException e) {
        if (!(e instanceof TelegramApiRequestException request)) {
            return true;
        }
        Integer code = request.getErrorCode();
        return code == null || code == 0 || code == 429 || code >= 500;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration wait) throws TelegramApiException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramApiException("Interrupted while waiting to retry a Bot API call", e);
        }
    }
}
