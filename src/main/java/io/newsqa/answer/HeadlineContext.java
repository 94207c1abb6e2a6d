package io.newsqa.answer;

import io.newsqa.text.LanguageAnalyzers;
import java.util.HashSet;
import java.util.Set;

/**
 * A news article's headline as the context of each of its sentences. The headline names the story
 * (its actor, place and event), and the lead sentence restates it, so by the question's words the
 * lead covers the question best even when the detail asked for (the director's name, the
 * spokesman, the town) is two sentences further down and shares fewer words with it. Taking the
 * question's words that the headline holds as said for every sentence of the article leaves the
 * sentences to differ by the words the headline does not hold: the detail's. Used to rank runs
 * only, never to decide whether one may be quoted: a near miss shares its story's headline too.
 */
final class HeadlineContext {

    /** No headline, or one in another language than the question's: nothing is taken as said. */
    static final HeadlineContext NONE = new HeadlineContext(Set.of(), Set.of(), "");

    private final Set<String> headlineTerms;
    private final Set<String> questionTerms;
    private final String language;

    private HeadlineContext(Set<String> headlineTerms, Set<String> questionTerms, String language) {
        this.headlineTerms = headlineTerms;
        this.questionTerms = questionTerms;
        this.language = language;
    }

    static HeadlineContext of(String headline, Set<String> questionTerms, String language) {
        if (headline == null || headline.isBlank()) {
            return NONE;
        }
        return new HeadlineContext(
                Set.copyOf(LanguageAnalyzers.matchTerms(headline, language)), questionTerms, language);
    }

    /**
     * What a run's coverage of the question gains with the headline's terms counted as its own.
     *
     * @param runTerms the terms of the run's sentences
     * @param coverage the run's coverage without the headline ({@link TermMatch#coverage})
     */
    double coverageBeyond(Set<String> runTerms, double coverage) {
        if (headlineTerms.isEmpty()) {
            return 0;
        }
        Set<String> withHeadline = new HashSet<>(runTerms);
        withHeadline.addAll(headlineTerms);
        return TermMatch.coverage(questionTerms, withHeadline, language) - coverage;
    }
}
