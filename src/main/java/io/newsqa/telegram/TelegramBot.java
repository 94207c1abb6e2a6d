package io.newsqa.telegram;

import io.newsqa.channel.RateLimit;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The bot as a whole: learns who it is (getMe), then receives updates by long polling or
 * registers its webhook. Connecting happens on a background thread and is retried while the Bot
 * API is unreachable, so the rest of NewsQA starts and serves regardless. A token Telegram
 * rejects is logged and leaves the bot off.
 */
public final class TelegramBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    static final List<String> WANTED_UPDATES = List.of("message", "callback_query");

    private final TelegramProperties properties;
    private final TelegramAnswers answers;
    private final Supplier<OffsetStore> offsetStores;
    private final Clock clock;
    private final OkHttpClient http = new OkHttpClient();
    private final BotApi api;

    private volatile boolean closed;
    private volatile UpdateHandler handler;
    private volatile Thread connecting;
    private LongPollingReceiver receiver;
    private OffsetStore offsets;

    TelegramBot(
            TelegramProperties properties, TelegramAnswers answers, Supplier<OffsetStore> offsetStores, Clock clock) {
        this.properties = properties;
        this.answers = answers;
        this.offsetStores = offsetStores;
        this.clock = clock;
        this.api = properties.enabled()
                ? new BotApi(
                        new OkHttpTelegramClient(http, properties.token().strip(), properties.telegramUrl()),
                        properties.retry())
                : null;
        if (properties.enabled() && properties.mode() == TelegramProperties.Mode.WEBHOOK) {
            requireWebhookSettings(properties.webhook());
        }
    }

    /** Connects in the background; returns at once. Without a token, says once that the bot is off. */
    public synchronized void start() {
        if (!properties.enabled()) {
            log.info(
                    "Telegram bot off: no token. Set NEWSQA_TELEGRAM_TOKEN to the token BotFather gave to turn it on.");
            return;
        }
        if (connecting == null) {
            connecting = new Thread(this::connect, "telegram-connect");
            connecting.setDaemon(true);
            connecting.start();
        }
    }

    /** The handler for webhook deliveries, once the bot runs in webhook mode. */
    Optional<UpdateHandler> webhookHandler() {
        return properties.mode() == TelegramProperties.Mode.WEBHOOK ? Optional.ofNullable(handler) : Optional.empty();
    }

    boolean running() {
        return handler != null && !closed;
    }

    String webhookSecret() {
        return properties.webhook().secret();
    }

    private void connect() {
        long pause = properties.retry().initialBackoff().toMillis();
        while (!closed) {
            try {
                User me = api.call(new GetMe());
                BotIdentity identity = new BotIdentity(me.getId(), me.getUserName());
                UpdateHandler ready = new UpdateHandler(
                        api,
                        identity,
                        answers,
                        new AnswerRenderer(new MessageSplitter()),
                        new RateLimit<>(
                                properties.rateLimit().questions(),
                                properties.rateLimit().per(),
                                clock),
                        new ChatMemory(),
                        properties);
                if (properties.mode() == TelegramProperties.Mode.WEBHOOK) {
                    registerWebhook();
                    handler = ready;
                } else {
                    startPolling(ready);
                }
                log.info(
                        "Telegram bot @{} is running ({})",
                        identity.username(),
                        properties.mode().name().toLowerCase());
                return;
            } catch (TelegramApiException e) {
                if (!BotApi.retryable(e)) {
                    log.error(
                            "Telegram refused the bot ({}). Check the token (NEWSQA_TELEGRAM_TOKEN) with BotFather and"
                                    + " newsqa.telegram.* settings; the bot stays off until the app is restarted.",
                            e.getMessage());
                    return;
                }
                log.warn(
                        "Could not reach the Telegram Bot API at {} ({}); trying again in {} ms",
                        properties.baseUrl(),
                        e.getMessage(),
                        pause);
                if (!sleep(pause)) {
                    return;
                }
                pause = Math.min(pause * 2, properties.retry().maxBackoff().toMillis());
            }
        }
    }

    private synchronized void startPolling(UpdateHandler ready) throws TelegramApiException {
        if (closed) {
            return;
        }
        if (offsets == null) {
            offsets = offsetStores.get();
        }
        receiver = new LongPollingReceiver(properties, new UpdateProcessor(ready, offsets));
        handler = ready;
    }

    private void registerWebhook() throws TelegramApiException {
        TelegramProperties.Webhook webhook = properties.webhook();
        api.call(SetWebhook.builder()
                .url(webhook.url())
                .secretToken(webhook.secret())
                .allowedUpdates(WANTED_UPDATES)
                .build());
        log.info("Telegram webhook set to {}", webhook.url());
    }

    private static void requireWebhookSettings(TelegramProperties.Webhook webhook) {
        if (webhook.url() == null || !webhook.url().startsWith("https://")) {
            throw new IllegalStateException("newsqa.telegram.mode is webhook but newsqa.telegram.webhook.url ('"
                    + webhook.url() + "') is not an https URL. Set NEWSQA_TELEGRAM_WEBHOOK_URL to the public address of"
                    + " POST /telegram/webhook, e.g. https://news.example.org/telegram/webhook.");
        }
        if (webhook.secret() == null || !webhook.secret().matches("[A-Za-z0-9_-]{16,256}")) {
            throw new IllegalStateException(
                    "newsqa.telegram.mode is webhook but newsqa.telegram.webhook.secret is missing"
                            + " or unusable. Set NEWSQA_TELEGRAM_WEBHOOK_SECRET to 16-256 characters of A-Z, a-z, 0-9, _ and -,"
                            + " e.g. the output of: openssl rand -hex 32");
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops polling (the webhook stays registered: other instances may still serve it). */
    @Override
    public synchronized void close() throws Exception {
        closed = true;
        if (connecting != null) {
            connecting.interrupt();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (offsets instanceof AutoCloseable closeable) {
            closeable.close();
        }
        answers.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
