package io.newsqa.answer;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether a run of sentences is evidence enough to answer a question, apart from its score: when
 * no run is, the answer is that the archive does not say.
 *
 * <ul>
 *   <li>Its passage holds the years the question names ({@link KeyEntities}): "من فاز بكأس العالم
 *       2022؟" over a 2015 archive finds World Cup stories, none of them about 2022.</li>
 *   <li>For a how-many / how-much question one of its sentences holds a number, and for a when
 *       question a date or time, that the question does not state already ({@link AnswerTypeEvidence}),
 *       or the event it came after, before or during. News near misses — the right event, and a
 *       detail no article gives (the fine, the losses, when the second ship arrives) — share most
 *       of their words with the story, so coverage
 *       cannot tell them from answerable questions; what the story lacks is the kind of answer
 *       asked for. Person, place, cause and manner cues are too common in news to tell anything
 *       (every "قال" or "said" names an agent): required too, they refused more answerable
 *       questions than unanswerable ones on the dev sets.</li>
 * </ul>
 *
 * Fitted on the dev sets (XQuAD's first 24 articles and the newsroom dev set), see docs/reference/answers.md.
 */
final class AnswerSupport {

    /** The kinds of answer a run must hold to answer; other kinds only rank runs. */
    private static final Set<QuestionType> REQUIRED = EnumSet.of(QuestionType.QUANTITY, QuestionType.TIME);
    /**
     * A when question is also answered by the event it came after, before or during ("أعيد افتتاح
     * المتحف بعد ترميم سقفه", "reopened after the restoration", "when he was 20"). Not "حين" nor
     * "إثر": "في حين" is "whereas", and "أثر" (effect) is spelt the same once normalised.
     */
    private static final WordCues RELATIVE_TIMES = WordCues.of(
            "after",
            "before",
            "during",
            "since",
            "following",
            "until",
            "when",
            "while",
            "prior to",
            "at the age of",
            "بعد",
            "قبل",
            "عقب",
            "اثناء",
            "منذ",
            "عندما",
            "حينما",
            "ابان",
            "فور");

    private final KeyEntities keys;
    private final QuestionType type;
    private final Map<Source, Boolean> held = new HashMap<>();

    private AnswerSupport(KeyEntities keys, QuestionType type) {
        this.keys = keys;
        this.type = type;
    }

    static AnswerSupport of(String question) {
        return new AnswerSupport(KeyEntities.of(question), QuestionType.of(question));
    }

    /** Whether a sentence answers a when question by another event, which {@link AnswerTypeEvidence} does not count. */
    boolean answersByAnotherEvent(String sentence) {
        return type == QuestionType.TIME && RELATIVE_TIMES.foundIn(sentence);
    }

    /**
     * @param passage      the passage the run is taken from
     * @param typeEvidence whether one of the run's sentences holds the kind of answer asked for
     */
    boolean supports(Source passage, boolean typeEvidence) {
        return (typeEvidence || !REQUIRED.contains(type)) && held.computeIfAbsent(passage, keys::heldBy);
    }
}
