package io.newsqa.web.ask;

import io.newsqa.archive.SearchFilter;
import io.newsqa.web.InvalidRequestException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/ask} and {@code POST /api/ask/stream}.
 *
 * @param question       the reader's question, 1 to 2,000 characters
 * @param conversationId the conversation this question continues, as returned by an earlier
 *                       answer; absent for a new conversation
 * @param from           only articles published from this date or time (see {@link ArchiveFilters})
 * @param to             only articles published up to this date (inclusive) or before this time
 * @param sources        only articles from these sources
 * @param languages      only articles in these languages (ISO 639-1)
 */
public record AskRequest(
        String question, String conversationId, String from, String to, List<String> sources, List<String> languages) {

    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Refuses text fields that are not Unicode ({@link UnicodeText}), naming the field. */
    void checkUnicode() {
        UnicodeText.check("question", question);
        UnicodeText.check("conversationId", conversationId);
        UnicodeText.check("from", from);
        UnicodeText.check("to", to);
        for (String source : sources == null ? List.<String>of() : sources) {
            UnicodeText.check("sources", source);
        }
    }

    /** The filter the question is answered within. */
    SearchFilter filter() {
        return ArchiveFilters.of(from, to, sources, languages);
    }

    /** The given conversation id, or a new one when none was given. */
    String conversationIdOrNew() {
        if (conversationId == null || conversationId.isBlank()) {
            return UUID.randomUUID().toString();
        }
        return checkConversationId(conversationId);
    }

    /** The conversation id, or {@link InvalidRequestException} when it is not one this API issues the shape of. */
    static String checkConversationId(String conversationId) {
        if (conversationId == null || !CONVERSATION_ID.matcher(conversationId).matches()) {
            throw new InvalidRequestException("\"conversationId\" must be 1 to 64 letters, digits, - or _;"
                    + " send the one an earlier answer returned, or none to start a conversation.");
        }
        return conversationId;
    }
}
