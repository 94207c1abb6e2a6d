package io.newsqa.answer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.newsqa.retrieve.time.AppliedFilter;
import java.util.List;

/**
 * What every channel renders.
 *
 * @param answer    the answer text with {@code [n]} markers, or the plain statement that the
 *                  archive does not say
 * @param citations the sources the text cites, numbered 1..k in order of first appearance
 * @param found     whether the archive answered the question at all
 * @param mode      how the answer was made: {@value #EXTRACTIVE} (sentences quoted from the archive,
 *                  no language model configured), {@value #LLM} (written by the language model from
 *                  the numbered sources), or {@value #EXTRACTIVE_FALLBACK} (the language model failed
 *                  or was too slow, so the sentences were quoted instead)
 * @param language  the question's language, which the answer is written for
 * @param appliedFilter the date window or recency prior the question's time words (or the request's
 *                  from/to) set, so the reader sees why sources are limited or ordered; {@code null}: none
 */
public record Answer(
        String answer,
        List<Citation> citations,
        boolean found,
        String mode,
        String language,
        AppliedFilter appliedFilter) {

    public static final String EXTRACTIVE = "extractive";
    public static final String LLM = "llm";
    public static final String EXTRACTIVE_FALLBACK = "extractive-fallback";

    public Answer {
        citations = List.copyOf(citations);
    }

    public Answer(String answer, List<Citation> citations, boolean found, String mode, String language) {
        this(answer, citations, found, mode, language, null);
    }

    /** Whether the configured language model should have written this answer but could not. */
    @JsonProperty("fallback")
    public boolean isFallback() {
        return EXTRACTIVE_FALLBACK.equals(mode);
    }

    Answer withMode(String newMode) {
        return new Answer(answer, citations, found, newMode, language, appliedFilter);
    }

    Answer withAppliedFilter(AppliedFilter applied) {
        return new Answer(answer, citations, found, mode, language, applied);
    }
}
