package io.newsqa.answer;

import java.util.List;

/**
 * What every channel renders.
 *
 * @param answer    the answer text with {@code [n]} markers, or the plain statement that the
 *                  archive does not say
 * @param citations the sources the text cites, in the order of their numbers
 * @param found     whether the archive answered the question at all
 * @param mode      how the answer was made: {@code extractive} (sentences quoted from the archive)
 * @param language  the question's language, which the answer is written for
 */
public record Answer(String answer, List<Citation> citations, boolean found, String mode, String language) {

    public Answer {
        citations = List.copyOf(citations);
    }
}
