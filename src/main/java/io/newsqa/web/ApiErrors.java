package io.newsqa.web;

import io.newsqa.answer.InvalidQuestionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the JSON API as RFC 9457 problem details, so every client parses one shape. Spring's
 * own errors (malformed JSON, wrong media type) get the same shape through
 * {@code spring.mvc.problemdetails.enabled}.
 */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(InvalidQuestionException.class)
    ProblemDetail invalidQuestion(InvalidQuestionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid question");
        return problem;
    }
}
