package io.newsqa.web.ask;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.newsqa.answer.Answer;

/**
 * An answer with the conversation it belongs to: the answer's fields, plus
 * {@code conversationId} to send with the next question.
 */
public record AskResponse(@JsonUnwrapped Answer answer, String conversationId) {}
