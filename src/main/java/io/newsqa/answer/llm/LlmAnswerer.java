package io.newsqa.answer.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Calls the language model within one time budget: attempts with exponential backoff between
 * them, a retry only while nothing has been streamed to the reader yet, and an exception (which
 * the answer service turns into the extractive fallback) when the budget runs out.
 */
public final class LlmAnswerer implements AutoCloseable {

    private final ChatProviders.Models models;
    private final Duration budget;
    private final int maxRetries;
    private final Duration backoff;
    /** Runs blocking calls so that the budget can be enforced on them too. */
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "newsqa-llm-call");
        thread.setDaemon(true);
        return thread;
    });

    public LlmAnswerer(ChatProviders.Models models, Duration budget, int maxRetries, Duration backoff) {
        this.models = models;
        this.budget = budget;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    /**
     * The model's reply to the messages.
     *
     * @param onDelta receives the reply's tokens as they arrive; {@code null} for one blocking call
     * @throws ProviderFailedException when no complete reply arrived within the budget
     */
    public String reply(List<ChatMessage> messages, Consumer<String> onDelta) throws ProviderFailedException {
        long deadline = System.nanoTime() + budget.toNanos();
        Throwable last = null;
        for (int attempt = 0; attempt <= maxRetries; attempt++) {
            if (attempt > 0) {
                long wait = Math.min(backoff.toNanos() << Math.min(attempt - 1, 20), deadline - System.nanoTime());
                if (wait <= 0) {
                    break;
                }
                sleep(wait);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            Attempt call = onDelta == null ? blocking(messages) : streaming(messages, onDelta);
            try {
                return call.reply.get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                call.abandon();
                throw new ProviderFailedException("the language model gave no complete reply within " + budget, e);
            } catch (ExecutionException e) {
                last = e.getCause();
                if (call.streamed()) {
                    // The reader has seen part of this reply: a retry would show a different one.
                    throw new ProviderFailedException(
                            "the language model failed mid-reply: " + last.getMessage(), last);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.abandon();
                throw new ProviderFailedException("interrupted while waiting for the language model", e);
            }
        }
        throw new ProviderFailedException(
                "the language model failed " + (maxRetries + 1) + " time(s) or ran out of its " + budget + " budget"
                        + (last == null ? "" : ": " + last.getMessage()),
                last);
    }

    private static void sleep(long nanos) throws ProviderFailedException {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailedException("interrupted while waiting to retry the language model", e);
        }
    }

    /** One call in flight; once abandoned, nothing more of it reaches the reader. */
    private static final class Attempt {
        final CompletableFuture<String> reply = new CompletableFuture<>();
        private boolean abandoned;
        private boolean streamed;

        synchronized void abandon() {
            abandoned = true;
            reply.cancel(true);
        }

        synchronized boolean streamed() {
            return streamed;
        }

        synchronized void forward(String token, Consumer<String> onDelta) {
            if (!abandoned && token != null && !token.isEmpty()) {
                streamed = true;
                onDelta.accept(token);
            }
        }
    }

    private Attempt blocking(List<ChatMessage> messages) {
        Attempt attempt = new Attempt();
        calls.execute(() -> {
            try {
                attempt.reply.complete(
                        models.blocking().chat(messages).aiMessage().text());
            } catch (RuntimeException e) {
                attempt.reply.completeExceptionally(e);
            }
        });
        return attempt;
    }

    private Attempt streaming(List<ChatMessage> messages, Consumer<String> onDelta) {
        Attempt attempt = new Attempt();
        try {
            models.streaming().chat(messages, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String token) {
                    attempt.forward(token, onDelta);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    attempt.reply.complete(response.aiMessage().text());
                }

                @Override
                public void onError(Throwable error) {
                    attempt.reply.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            attempt.reply.completeExceptionally(e);
        }
        return attempt;
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
