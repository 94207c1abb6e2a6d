package io.newsqa.web;

/** Receives a streamed answer: text as it is written, then the whole answer, or a failure. */
interface AnswerListener {

    /** The next piece of the answer's text; the pieces in order make up the answer's text. */
    void delta(String text);

    /** The finished answer, with its citations; the last call on a success. */
    void answered(AskResponse response);

    /** Answering failed after the stream began; the last call on a failure. */
    void failed(RuntimeException error);
}
