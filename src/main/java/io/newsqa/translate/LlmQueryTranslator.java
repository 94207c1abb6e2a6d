package io.newsqa.translate;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Query translation by the configured language model, with the {@code translate-query.txt}
 * prompt: one call per question, asking for every target language at once. The reply is read
 * line by line as {@code code: translation}; lines for languages not asked are ignored.
 *
 * <p>The call must not hold up retrieval for long: past {@code timeout}, or when the provider
 * fails or replies with nothing usable, the result is empty (logged) and the dictionary
 * translation alone is used.
 */
public final class LlmQueryTranslator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LlmQueryTranslator.class);
    /** A translation longer than this is not a translated question but the model talking. */
    private static final int MAX_TRANSLATION_LENGTH = 2000;

    private static final LlmQueryTranslator OFF =
            new LlmQueryTranslator(null, (question, targets) -> "", Duration.ZERO);

    private final ChatModel model;
    private final BiFunction<String, List<String>, String> prompt;
    private final Duration timeout;
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "newsqa-query-translation");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param model   the configured provider's blocking chat model
     * @param prompt  the filled translation prompt for a question and its target languages
     * @param timeout how long retrieval waits for the translation
     */
    public LlmQueryTranslator(ChatModel model, BiFunction<String, List<String>, String> prompt, Duration timeout) {
        this.model = model;
        this.prompt = prompt;
        this.timeout = timeout;
    }

    /** No language model: translates nothing. */
    public static LlmQueryTranslator off() {
        return OFF;
    }

    public boolean enabled() {
        return model != null;
    }

    /** The question in each target language (ISO 639-1 codes); empty when the model did not deliver in time. */
    public Map<String, String> translate(String question, List<String> targets) {
        if (model == null || targets.isEmpty()) {
            return Map.of();
        }
        String text = prompt.apply(question, targets);
        CompletableFuture<String> reply = CompletableFuture.supplyAsync(
                () -> model.chat(UserMessage.from(text)).aiMessage().text(), calls);
        try {
            Map<String, String> translations = parse(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS), targets);
            if (translations.isEmpty()) {
                log.warn("LLM query translation gave no line for {}; using the dictionary translation alone", targets);
            }
            return translations;
        } catch (TimeoutException e) {
            reply.cancel(true);
            log.warn("LLM query translation took longer than {}; using the dictionary translation alone", timeout);
        } catch (ExecutionException e) {
            log.warn(
                    "LLM query translation failed ({}); using the dictionary translation alone",
                    e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Map.of();
    }

    /** {@code code: translation} lines of the asked languages; the first line per language counts. */
    static Map<String, String> parse(String reply, List<String> targets) {
        Map<String, String> translations = new LinkedHashMap<>();
        if (reply == null) {
            return translations;
        }
        for (String line : reply.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon < 1) {
                continue;
            }
            String code =
                    line.substring(0, colon).strip().replaceAll("[*\\-\\s]", "").toLowerCase(Locale.ROOT);
            String text = line.substring(colon + 1).strip();
            if (targets.contains(code) && !text.isEmpty() && text.length() <= MAX_TRANSLATION_LENGTH) {
                translations.putIfAbsent(code, text);
            }
        }
        return translations;
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
