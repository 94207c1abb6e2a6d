package io.newsqa.telegram;

import io.newsqa.answer.AnswerService;
import io.newsqa.answer.Question;
import io.newsqa.channel.AnswerWriters;

/**
 * The one place the bot calls the answer service. Each chat is one conversation (in a group, the
 * whole group's), so follow-up questions build on the earlier ones until {@code /reset}. Answers
 * are written on threads of their own, so that the thread handling the update is free to show the
 * answer while it grows.
 */
class TelegramAnswers implements AutoCloseable {

    /** Answers written at once; more wait in the queue, and past it the reader is told to ask again. */
    private static final int WRITERS = 8;

    private static final int QUEUE = 64;

    private final AnswerService service;
    private final AnswerWriters writers;

    TelegramAnswers(AnswerService service) {
        this.service = service;
        this.writers = new AnswerWriters("telegram-answer", WRITERS, QUEUE);
    }

    /** The answer service's conversation of a chat. */
    static String conversationId(long chatId) {
        return "telegram:" + chatId;
    }

    /**
     * Starts answering the question in the chat's conversation; returns at once with the answer
     * as it is being written (or failed, when too many are being written).
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
        } catch (AnswerWriters.Busy e) {
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
        writers.close();
    }
}
