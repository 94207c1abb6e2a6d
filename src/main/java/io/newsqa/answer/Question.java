package io.newsqa.answer;

import io.newsqa.archive.SearchFilter;

/**
 * A reader's question as a channel hands it over.
 *
 * @param text           the question as typed
 * @param conversationId the conversation it belongs to (a Telegram chat, a widget session), or
 *                       {@code null} for a one-off question with no memory
 * @param filter         restrictions on the articles searched; {@code null} means none
 */
public record Question(String text, String conversationId, SearchFilter filter) {

    public Question {
        filter = filter == null ? SearchFilter.none() : filter;
    }

    public static Question of(String text) {
        return new Question(text, null, SearchFilter.none());
    }

    public static Question inConversation(String text, String conversationId) {
        return new Question(text, conversationId, SearchFilter.none());
    }
}
