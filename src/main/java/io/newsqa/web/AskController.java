package io.newsqa.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** JSON API for questions: newsroom tools and the chat widget call this. */
@RestController
public class AskController {

    private final WebAnswers answers;
    private final AnswerStreamExecutor streams;
    private final WebProperties properties;

    AskController(WebAnswers answers, AnswerStreamExecutor streams, WebProperties properties) {
        this.answers = answers;
        this.streams = streams;
        this.properties = properties;
    }

    @Operation(summary = "Answer a question from the archive, with numbered citations")
    @PostMapping(path = "/api/ask", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public AskResponse ask(@RequestBody AskRequest request) {
        return answers.ask(request);
    }

    @Operation(summary = "Answer a question as server-sent events",
            description = "Events: `delta` ({\"text\": ...}) pieces of the answer text in order, then `answer`"
                    + " (the whole answer as POST /api/ask returns it), or `error` (a problem detail).")
    @PostMapping(path = "/api/ask/stream", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter askStream(@RequestBody AskRequest request) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        streams.execute(answers.prepareStream(request, new SseAnswerListener(emitter)));
        return emitter;
    }
}
