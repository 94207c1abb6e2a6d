package io.newsqa.answer;

/** The question cannot be answered as asked (empty, too long); the message says why. */
public class InvalidQuestionException extends RuntimeException {

    public InvalidQuestionException(String message) {
        super(message);
    }
}
