package io.newsqa.web.ask;

import io.newsqa.web.InvalidRequestException;

/**
 * Refuses text that is not Unicode: a JSON string may escape half of a surrogate pair
 * ({@code "\\ud800"}), which Java holds but no UTF-8 writer can encode (the conversation store
 * would fail writing it, after the answer).
 */
public final class UnicodeText {

    private UnicodeText() {}

    /**
     * @param field the request field, named in the error
     * @throws InvalidRequestException when the value holds an unpaired surrogate
     */
    static void check(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidRequestException("\"" + field + "\" holds an unpaired surrogate (\\u"
                        + Integer.toHexString(c) + ") at character " + (i + 1) + ", which is not Unicode text: send the"
                        + " text as UTF-8, with characters outside the basic plane as a whole surrogate pair.");
            }
        }
    }
}
