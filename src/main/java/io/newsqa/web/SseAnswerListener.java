package io.newsqa.web;

import io.newsqa.archive.ArchiveUnavailableException;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Writes a streamed answer as server-sent events: {@code delta} events ({@code {"text": ...}}),
 * then one {@code answer} event (the whole answer, as {@code POST /api/ask} returns it), or an
 * {@code error} event (a problem detail) when answering fails after the stream began. Data is
 * always JSON, so line breaks in the text cannot break the event framing.
 */
final class SseAnswerListener implements AnswerListener {

    private static final Logger log = LoggerFactory.getLogger(SseAnswerListener.class);

    private final SseEmitter emitter;

    SseAnswerListener(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void delta(String text) {
        send("delta", Map.of("text", text));
    }

    @Override
    public void answered(AskResponse response) {
        send("answer", response);
        emitter.complete();
    }

    @Override
    public void failed(RuntimeException error) {
        ProblemDetail problem;
        if (error instanceof ArchiveUnavailableException) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ApiErrors.ARCHIVE_UNAVAILABLE);
        } else if (error instanceof ClientGoneException) {
            emitter.complete();
            return;
        } else {
            log.error("Streaming an answer failed", error);
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                    "Answering failed on the server; ask again, and tell the site if it keeps failing.");
        }
        try {
            emitter.send(SseEmitter.event().name("error").data(problem, MediaType.APPLICATION_JSON));
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }

    private void send(String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            // The reader closed the page or the stream timed out: stop writing the answer.
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
