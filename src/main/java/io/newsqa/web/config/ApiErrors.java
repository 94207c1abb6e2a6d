package io.newsqa.web.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import io.newsqa.answer.InvalidQuestionException;
import io.newsqa.archive.ArchiveUnavailableException;
import io.newsqa.channel.AnswerWriters;
import io.newsqa.web.InvalidRequestException;
import io.newsqa.web.ProblemResponses;
import io.newsqa.web.admin.AdminAccessException;
import io.newsqa.web.admin.AdminKeyInterceptor;
import io.newsqa.web.admin.ArticleNotFoundException;
import io.newsqa.web.security.RateLimitedException;
import io.newsqa.web.security.RequestBodyLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the JSON API as RFC 9457 problem details, so every client parses one shape. Spring's
 * own errors (malformed JSON, wrong media type, a parameter of the wrong type) get the same shape
 * through {@code spring.mvc.problemdetails.enabled}.
 */
@RestControllerAdvice
// Before Boot's own problem-details handler, so that unreadable bodies get a detail that says why.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidQuestionException.class)
    ResponseEntity<ProblemDetail> invalidQuestion(InvalidQuestionException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid question", e.getMessage())
                .build();
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage())
                .build();
    }

    @ExceptionHandler(ArticleNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ArticleNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No such article", e.getMessage()).build();
    }

    @ExceptionHandler(AdminAccessException.class)
    ResponseEntity<ProblemDetail> adminAccess(AdminAccessException e) {
        Problem response = problem(e.status(), e.title(), e.getMessage());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            // A 401 names how to authenticate (RFC 9110, section 11.6.1).
            response.header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + AdminKeyInterceptor.HEADER + "\"");
        }
        return response.build();
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many " + e.what(), e.getMessage())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .build();
    }

    /**
     * A body that is not JSON of the expected shape: malformed, invalid UTF-8, nested deeper than
     * {@link WebConfiguration#MAX_JSON_DEPTH}, or cut off at the size limit while being read.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimits.RequestTooLargeException tooLarge) {
                return tooLarge(tooLarge);
            }
            if (cause instanceof RequestBodyLimits.RequestTooSlowException tooSlow) {
                return tooSlow(tooSlow);
            }
            if (cause instanceof RequestBodyLimits.NotUtf8Exception notUtf8) {
                return notUtf8(notUtf8);
            }
        }
        Throwable root = e.getMostSpecificCause();
        if (root instanceof MismatchedInputException wrongType && !(root instanceof PropertyBindingException)) {
            return problem(
                            HttpStatus.BAD_REQUEST,
                            "Wrong JSON type",
                            JsonTypeErrors.describe(wrongType) + " See /api-docs.html.")
                    .build();
        }
        String reason = root instanceof JsonProcessingException json ? json.getOriginalMessage() : root.getMessage();
        return problem(
                        HttpStatus.BAD_REQUEST,
                        "Unreadable request",
                        "The request body cannot be read"
                                + (reason == null
                                        ? ""
                                        : ": " + reason.lines().findFirst().orElse(reason))
                                + ". Send UTF-8 JSON as described at /api-docs.html.")
                .build();
    }

    @ExceptionHandler(RequestBodyLimits.RequestTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyLimits.RequestTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", e.getMessage())
                .build();
    }

    @ExceptionHandler(RequestBodyLimits.NotUtf8Exception.class)
    ResponseEntity<ProblemDetail> notUtf8(RequestBodyLimits.NotUtf8Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request", e.getMessage())
                .build();
    }

    @ExceptionHandler(RequestBodyLimits.RequestTooSlowException.class)
    ResponseEntity<ProblemDetail> tooSlow(RequestBodyLimits.RequestTooSlowException e) {
        return problem(HttpStatus.REQUEST_TIMEOUT, "Request too slow", e.getMessage())
                .build();
    }

    @ExceptionHandler(ArchiveUnavailableException.class)
    ResponseEntity<ProblemDetail> archiveUnavailable(ArchiveUnavailableException e) {
        log.warn("Archive unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Archive unavailable", ProblemResponses.ARCHIVE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "60")
                .build();
    }

    @ExceptionHandler(AnswerWriters.Busy.class)
    ResponseEntity<ProblemDetail> busy(AnswerWriters.Busy e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", e.getMessage())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .build();
    }

    /**
     * A problem response, its content type set explicitly: the streaming endpoint declares
     * {@code text/event-stream}, and an error raised before its handler runs (the rate limit)
     * would otherwise be written, or fail to be written, as an event stream.
     */
    private static Problem problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new Problem(ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON), problem);
    }

    private record Problem(ResponseEntity.BodyBuilder response, ProblemDetail body) {

        Problem header(String name, String value) {
            response.header(name, value);
            return this;
        }

        ResponseEntity<ProblemDetail> build() {
            return response.body(body);
        }
    }
}
