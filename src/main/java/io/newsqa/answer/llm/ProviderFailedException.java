package io.newsqa.answer.llm;

/** The language model gave no usable reply within the time budget; the message says why. */
public class ProviderFailedException extends Exception {

    public ProviderFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
