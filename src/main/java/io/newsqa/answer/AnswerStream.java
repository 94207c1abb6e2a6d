package io.newsqa.answer;

/**
 * Receives an answer while it is being written: the channels (web SSE, Telegram message edits)
 * show the text as it grows, then render the complete {@link Answer} with its citations.
 *
 * <p>Calls come from the thread that produces the text (for a streaming provider, its HTTP
 * client's thread), one at a time, in order. The {@code [n]} markers in the deltas already use
 * the final citation numbers.
 */
public interface AnswerStream {

    /** The next piece of answer text: provider tokens, or whole sentences for an extractive answer. */
    void onDelta(String text);

    /**
     * The text streamed so far is withdrawn: the provider failed mid-answer and the extractive
     * answer follows from scratch. Channels clear what they showed.
     */
    default void onDiscard() {}

    /** The complete answer; it is authoritative over the concatenated deltas. */
    void onComplete(Answer answer);

    /** A stream that ignores everything, for callers that only want the returned answer. */
    static AnswerStream ignoring() {
        return new AnswerStream() {
            @Override
            public void onDelta(String text) {}

            @Override
            public void onComplete(Answer answer) {}
        };
    }
}
