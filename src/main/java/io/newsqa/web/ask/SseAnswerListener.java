package io.newsqa.web.ask;

import io.newsqa.answer.Answer;
import io.newsqa.archive.ArchiveUnavailableException;
import io.newsqa.web.ProblemResponses;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Writes a streamed answer as server-sent events: {@code delta} events ({@code {"text": ...}}),
 * a {@code discard} event ({@code {}}) when the text so far is withdrawn (the provider failed
 * mid-answer; the extractive fallback's deltas follow), then one {@code answer} event (the whole
 * answer, as {@code POST /api/ask} returns it), or an {@code error} event (a problem detail) when
 * answering fails after the stream began. Data is always JSON, so line breaks in the text cannot
 * break the event framing.
 *
 * <p>The stream starts with the first event, not before: until then the HTTP response is still
 * open ({@link #response()} is pending), so a failure before any text (the archive unreachable
 * during retrieval) is answered as a plain problem response with its status, like
 * {@code POST /api/ask}. One time budget, {@code newsqa.web.stream-timeout}, covers the wait for
 * the first event and the stream together.
 */
public final class SseAnswerListener implements AnswerListener {

    private static final Logger log = LoggerFactory.getLogger(SseAnswerListener.class);

    private final String conversationId;
    private final long deadline;
    private final DeferredResult<SseEmitter> response;
    /** Created with the first event. */
    private SseEmitter emitter;
    /** The reader is no longer reading (closed the page, or the time ran out): write nothing more. */
    private volatile boolean gone;

    SseAnswerListener(String conversationId, Duration timeout) {
        this.conversationId = conversationId;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.response = new DeferredResult<>(timeout.toMillis());
        response.onTimeout(() -> gone = true);
        response.onError(error -> gone = true);
    }

    /** What the controller returns: the event stream once the first event is ready, or the error before it. */
    DeferredResult<SseEmitter> response() {
        return response;
    }

    @Override
    public void onDelta(String text) {
        send("delta", Map.of("text", text));
    }

    @Override
    public void onDiscard() {
        send("discard", Map.of());
    }

    @Override
    public void onComplete(Answer answer) {
        if (send("answer", new AskResponse(answer, conversationId))) {
            emitter.complete();
        }
    }

    @Override
    public synchronized void failed(RuntimeException error) {
        if (error instanceof ClientGoneException || gone) {
            if (emitter != null) {
                emitter.complete();
            }
            return;
        }
        if (emitter == null) {
            // Nothing streamed yet: the error handlers answer with the error's own status.
            response.setErrorResult(error);
            return;
        }
        ProblemDetail problem;
        if (error instanceof ArchiveUnavailableException) {
            problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE, ProblemResponses.ARCHIVE_UNAVAILABLE);
        } else {
            log.error("Streaming an answer failed", error);
            problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "Answering failed on the server; ask again, and tell the site if it keeps failing.");
        }
        try {
            emitter.send(SseEmitter.event().name("error").data(problem, MediaType.APPLICATION_JSON));
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }

    /**
     * Sends one event, starting the stream if it is the first; {@code false} when the reader is
     * gone. The first failure to write throws {@link ClientGoneException} so that the answer
     * stops being made; later calls do nothing.
     */
    private synchronized boolean send(String event, Object data) {
        if (gone) {
            return false;
        }
        try {
            if (emitter == null) {
                emitter = new SseEmitter(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                emitter.onTimeout(() -> gone = true);
                emitter.onError(error -> gone = true);
                // Sent before the response takes the emitter: kept and written when it does.
                emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
                if (!response.setResult(emitter)) {
                    throw new IllegalStateException("the request ended before the answer's first event");
                }
            } else {
                emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            gone = true;
            throw new ClientGoneException(e);
        }
    }

    /** The client is no longer reading the stream. */
    static final class ClientGoneException extends RuntimeException {
        ClientGoneException(Throwable cause) {
            super("the client closed the answer stream", cause);
        }
    }
}
