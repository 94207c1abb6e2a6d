package io.newsqa.telegram;

import io.newsqa.answer.Answer;
import io.newsqa.answer.AnswerService;

/**
 * The one place the bot calls the answer service. When the service learns conversations
 * (follow-up questions, a reset) and streaming, this adapter is what changes.
 */
class TelegramAnswers {

    private final AnswerService service;

    TelegramAnswers(AnswerService service) {
        this.service = service;
    }

    Answer ask(String question) {
        return service.ask(question);
    }
}
