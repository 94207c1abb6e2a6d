package io.newsqa.web;

/** A request parameter cannot be used as given; the message says which and what to send instead. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
