package io.newsqa.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The Telegram bot's settings ({@code newsqa.telegram.*}); defaults and comments are in
 * {@code application.yml}. Without a token the bot is off.
 *
 * @param token             the token BotFather gave ({@code NEWSQA_TELEGRAM_TOKEN}); empty: no bot
 * @param mode              how updates arrive: long polling, or a webhook for several app instances
 * @param baseUrl           the Bot API server (tests point it at a local one)
 * @param webhook           the public URL Telegram posts updates to, and the secret it sends along
 * @param rateLimit         questions one user may ask in a time window
 * @param allowedChats      chat ids the bot answers in; empty: every chat
 * @param maxQuestionLength longer questions are refused politely
 * @param pollTimeout       how long one getUpdates call waits for news
 * @param retry             how calls to the Bot API are retried when it is busy or unreachable
 * @param streaming         how an answer is shown while it is being written
 */
@ConfigurationProperties("newsqa.telegram")
public record TelegramProperties(
        String token,
        @DefaultValue("polling") Mode mode,
        @DefaultValue("https://api.telegram.org") URI baseUrl,
        @DefaultValue Webhook webhook,
        @DefaultValue RateLimit rateLimit,
        List<Long> allowedChats,
        @DefaultValue("2000") int maxQuestionLength,
        @DefaultValue("50s") Duration pollTimeout,
        @DefaultValue Retry retry,
        @DefaultValue Streaming streaming) {

    public enum Mode {
        POLLING,
        WEBHOOK
    }

    public TelegramProperties {
        allowedChats = allowedChats == null ? List.of() : List.copyOf(allowedChats);
    }

    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    /** The numeric bot id, the part of the token before the colon: names the bot's stored offset. */
    public String botId() {
        String trimmed = token.strip();
        int colon = trimmed.indexOf(':');
        return colon > 0 ? trimmed.substring(0, colon) : Integer.toHexString(trimmed.hashCode());
    }

    /** The base URL in the form the telegrambots library takes (it has no room for a path). */
    public TelegramUrl telegramUrl() {
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || baseUrl.getHost() == null) {
            throw new IllegalStateException("newsqa.telegram.base-url '" + baseUrl + "' is not an http(s) URL; use e.g."
                    + " https://api.telegram.org or http://localhost:8081 for a local Bot API server.");
        }
        if (baseUrl.getPath() != null
                && !baseUrl.getPath().isEmpty()
                && !baseUrl.getPath().equals("/")) {
            throw new IllegalStateException("newsqa.telegram.base-url '" + baseUrl + "' has a path; the Bot API client"
                    + " only takes scheme, host and port. Remove the path.");
        }
        int port = baseUrl.getPort() > 0 ? baseUrl.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, baseUrl.getHost(), port, false);
    }

    /** Webhook mode: Telegram posts to {@code url}, sending {@code secret} in a header we check. */
    public record Webhook(String url, String secret) {}

    /** At most {@code questions} questions per user in each period of {@code per}. */
    public record RateLimit(
            @DefaultValue("5") int questions,
            @DefaultValue("1m") Duration per) {

        public RateLimit {
            if (questions < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalStateException(
                        "newsqa.telegram.rate-limit needs questions >= 1 and a positive 'per' duration,"
                                + " e.g. questions: 5, per: 1m.");
            }
        }
    }

    /** Attempts per Bot API call, and the pause before the second one (doubling up to {@code maxBackoff}). */
    public record Retry(
            @DefaultValue("6") int attempts,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff) {}

    /**
     * Progressive delivery. An answer complete within {@code firstMessageAfter} of its first words
     * goes out as one message; a slower one is sent as far as it goes and edited as it grows, at
     * most once per {@code editInterval} and only after {@code minGrowth} more characters (Telegram
     * rate-limits edits). "typing…" is repeated every {@code typingInterval} until it is done.
     */
    public record Streaming(
            @DefaultValue("1s") Duration firstMessageAfter,
            @DefaultValue("1s") Duration editInterval,
            @DefaultValue("30") int minGrowth,
            @DefaultValue("4s") Duration typingInterval) {

        public Streaming {
            if (editInterval.isNegative() || firstMessageAfter.isNegative() || typingInterval.toMillis() < 1000) {
                throw new IllegalStateException(
                        "newsqa.telegram.streaming: first-message-after and edit-interval must not be"
                                + " negative and typing-interval must be at least 1s (Telegram shows 'typing…' for 5 s); got "
                                + firstMessageAfter + ", " + editInterval + ", " + typingInterval + ".");
            }
        }
    }
}
