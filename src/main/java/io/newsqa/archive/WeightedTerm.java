package io.newsqa.archive;

import java.util.Objects;

/**
 * A search term with how much it counts, for lexical search with weighted terms (translated
 * questions: a word's first dictionary sense counts more than its fifth).
 *
 * @param text   one or more words, analysed like a question in the search language; when the
 *               analysis yields several words the weight is spread evenly over them
 * @param weight positive and finite
 */
public record WeightedTerm(String text, double weight) {

    public WeightedTerm {
        Objects.requireNonNull(text, "text");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(
                    "term weight must be positive and finite, was " + weight + " for '" + text + "'");
        }
    }
}
