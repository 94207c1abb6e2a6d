package io.newsqa.retrieve.time;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words by which a question asks for the current state of a story ("latest", "still", "آخر",
 * "حتى الآن"): then the newest coverage should rank first.
 *
 * <p>"آخر" also means "other"; a wrongly read cue only reorders relevant passages by date, it
 * never removes one, so the ambiguity is accepted.
 */
final class RecencyCues {

    private static final Pattern CUES = Pattern.compile(
            "(?<![\\w])(?:"
                    + "latest|newest|most\\s+recent|recently|currently|current|now|still|so\\s+far|as\\s+of\\s+now|up\\s+to\\s+date"
                    + "|اخر|احدث|حتي\\s+الان|و?الان|حاليا|لا\\s+يزال|لا\\s+تزال|لازال|لازالت|لا\\s+زال|ما\\s+زال|ما\\s+زالت|مازال|مازالت"
                    + "|مستجدات)(?![\\w])",
            Pattern.UNICODE_CHARACTER_CLASS);

    private RecencyCues() {}

    /** The first cue in the {@link QuestionText#normalize normalised} question, if any. */
    static Optional<String> find(String normalized) {
        Matcher matcher = CUES.matcher(normalized);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
