package io.newsqa.web.ask;

import io.newsqa.answer.AnswerStream;

/** A streamed answer's receiver on the web channel: the answer service's stream, plus failure. */
public interface AnswerListener extends AnswerStream {

    /** Answering failed; the last call on a failure. */
    void failed(RuntimeException error);
}
