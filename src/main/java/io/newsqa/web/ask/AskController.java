package io.newsqa.web.ask;

import io.newsqa.answer.Question;
import io.newsqa.channel.AnswerWriters;
import io.newsqa.web.WebProperties;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** JSON API for questions and conversations: newsroom tools and the chat widget call this. */
@RestController
public class AskController {

    private final WebAnswers answers;
    private final AnswerWriters streams;
    private final WebProperties properties;

    AskController(WebAnswers answers, AnswerWriters streams, WebProperties properties) {
        this.answers = answers;
        this.streams = streams;
        this.properties = properties;
    }

    @Operation(
            summary = "Answer a question from the archive, with numbered citations",
            description = "A question with a `conversationId` continues that conversation: a follow-up such as"
                    + " \"and how much is a ticket?\" is read with the earlier questions.")
    @PostMapping(
            path = "/api/ask",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public AskResponse ask(@RequestBody AskRequest request) {
        return answers.ask(request);
    }

    @Operation(
            summary = "Answer a question as server-sent events",
            description = "Events: `delta` ({\"text\": ...}) pieces of the answer text as they are written; `discard`"
                    + " ({}) when the language model failed mid-answer: drop the text so far, the extractive answer"
                    + " follows from scratch; then `answer` (the whole answer as POST /api/ask returns it), or"
                    + " `error` (a problem detail) when answering fails after the stream began. A bad request or an"
                    + " unreachable archive gets a plain problem response instead of a stream.")
    @PostMapping(
            path = "/api/ask/stream",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public DeferredResult<SseEmitter> askStream(@RequestBody AskRequest request) {
        Question question = answers.question(request);
        SseAnswerListener listener = new SseAnswerListener(question.conversationId(), properties.streamTimeout());
        streams.execute(() -> answers.stream(question, listener));
        return listener.response();
    }

    @Operation(
            summary = "Forget a conversation",
            description = "Its next question starts afresh, with no earlier questions to follow up on. 204 also when"
                    + " the conversation was unknown.")
    @DeleteMapping("/api/conversations/{conversationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void resetConversation(@PathVariable String conversationId) {
        answers.resetConversation(conversationId);
    }
}
