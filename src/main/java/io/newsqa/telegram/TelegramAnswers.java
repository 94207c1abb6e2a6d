package io.newsqa.telegram;

import io.newsqa.answer.AnswerService;
import io.newsqa.answer.Question;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place the bot calls the answer service. Each chat is one conversation (in a group, the
 * whole group's), so follow-up questions build on the earlier ones until {@code /reset}. Answers
 * are written on threads of their own, so that the thread handling the update is free to show the
 * answer while it grows.
 */
class TelegramAnswers implements AutoCloseable {

    private final AnswerService service;
    private final ExecutorService writers;

    TelegramAnswers(AnswerService service) {
        this.service = service;
        AtomicInteger number = new AtomicInteger();
        this.writers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "telegram-answer-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The answer service's conversation of a chat. */
    static String conversationId(long chatId) {
        return "telegram:" + chatId;
    }

    /**
     * Starts answering the question in the chat's conversation; returns at once with the answer
     * as it is being written. Callers are bounded by the update-handling threads, so no queue is
     * needed here.
     */
    PendingAnswer ask(long chatId, String question) {
        PendingAnswer pending = new PendingAnswer();
        try {
            writers.execute(() -> {
                try {
                    service.ask(new Question(question, conversationId(chatId), null), pending);
                } catch (RuntimeException e) {
                    pending.fail(e);
                }
            });
        } catch (RejectedExecutionException e) {
            pending.fail(e);
        }
        return pending;
    }

    /** The chat's next question starts a new conversation. */
    void reset(long chatId) {
        service.resetConversation(conversationId(chatId));
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }
}
