package io.newsqa.web;

import io.newsqa.answer.Answer;
import io.newsqa.answer.AnswerService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for questions: newsroom tools and the chat widget call this. */
@RestController
public class AskController {

    /** The request body of {@code POST /api/ask}. */
    public record AskRequest(String question) {
    }

    private final AnswerService answers;

    public AskController(AnswerService answers) {
        this.answers = answers;
    }

    @PostMapping(path = "/api/ask", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Answer ask(@RequestBody AskRequest request) {
        return answers.ask(request.question());
    }
}
