package io.newsqa.web.ask;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsqa.answer.Answer;
import io.newsqa.answer.AnswerService;
import io.newsqa.answer.Question;
import io.newsqa.web.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * The web channel's one door to the {@link AnswerService}: every endpoint that answers goes
 * through here, so the request-to-question mapping (filters, conversation) is in one place.
 *
 * <p>Every question belongs to a conversation: the one the request names, or a new one whose id
 * the answer returns. Follow-ups in it are resolved against the earlier questions (the answer
 * service's conversation memory), until {@link #resetConversation(String)}. Streamed answers are
 * the answer service's own stream: provider tokens (or extractive sentences) as they are written,
 * a discard when the provider fails mid-answer and the extractive fallback follows.
 */
@Component
public class WebAnswers {

    private final AnswerService answers;
    private final MeterRegistry meters;

    WebAnswers(AnswerService answers, MeterRegistry meters) {
        this.answers = answers;
        this.meters = meters;
    }

    AskResponse ask(AskRequest request) {
        Question question = question(request);
        Answer answer = answers.ask(question);
        count(answer);
        return new AskResponse(answer, question.conversationId());
    }

    /**
     * The request as a question, checked: a bad question, conversation id or filter fails here
     * ({@link io.newsqa.answer.InvalidQuestionException}, {@link InvalidRequestException}), so a
     * stream can be refused with a plain error response before it starts.
     */
    Question question(AskRequest request) {
        request.checkUnicode();
        AnswerService.validate(request.question());
        return new Question(request.question(), request.conversationIdOrNew(), request.filter());
    }

    /**
     * Answers a checked question, streaming to the listener; a failure goes to the listener as
     * well. Runs on a stream thread, not a request thread.
     */
    void stream(Question question, AnswerListener listener) {
        try {
            count(answers.ask(question, listener));
        } catch (RuntimeException e) {
            listener.failed(e);
        }
    }

    /** Forgets the conversation: its next question starts afresh. */
    void resetConversation(String conversationId) {
        answers.resetConversation(AskRequest.checkConversationId(conversationId));
    }

    private void count(Answer answer) {
        meters.counter(
                        "newsqa.answers",
                        "found",
                        Boolean.toString(answer.found()),
                        "language",
                        answer.language(),
                        "mode",
                        answer.mode())
                .increment();
    }
}
