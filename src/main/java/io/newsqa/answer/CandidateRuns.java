package io.newsqa.answer;

import io.newsqa.translate.QuestionTranslation;
import io.newsqa.translate.TranslatedQuestion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the candidate answers from the scored sentences: each sentence alone, and with one
 * neighbour before or after it in its passage (with two for a question asking for a list or a
 * sequence), each with its score, whether it is evidence enough, and its rank bonuses.
 */
final class CandidateRuns {

    /**
     * What holding the kind of answer asked for ({@link AnswerTypeEvidence}) adds to a run's rank,
     * never to what it needs to be quoted: a restatement of the question stays as quotable as it
     * was, it just loses to the sentence that answers. Fitted on XQuAD dev (0.1 and 0.2 best; 0.3
     * worse; counting it towards the threshold traded refusals for answers along the same curve).
     */
    private static final double TYPE_BONUS = 0.1;
    /**
     * What the closeness of the question's terms within a sentence adds to a run's rank (never to
     * what it needs to be quoted): "the oldest quarterback to play in a Super Bowl" in one phrase
     * rather than its words scattered over a long sentence. Fitted on XQuAD dev (0.05 and 0.1 best
     * for Arabic, 0.05 for English; 0.2 worse).
     */
    private static final double PROXIMITY_WEIGHT = 0.05;

    /**
     * How much of the coverage a run gains when its article's headline counts as said (rank only,
     * see {@link HeadlineContext}). Chosen on the newsroom dev set between 0.5 and 1 (1 moved two
     * answers to another article whose headline shared the question's words); XQuAD paragraphs
     * have no headline, so it cannot change them.
     */
    private static final double HEADLINE_WEIGHT = 0.5;

    private final ExtractiveSettings settings;
    private final QuestionTranslation translation;

    CandidateRuns(ExtractiveSettings settings, QuestionTranslation translation) {
        this.settings = settings;
        this.translation = translation;
    }

    /**
     * Every candidate run of the scored sentences ({@link SentenceScorer#score}), grouped by
     * passage.
     */
    List<CandidateRun> of(String question, String language, List<Source> sources, List<ScoredSentence> scored) {
        if (scored.isEmpty()) {
            return List.of();
        }
        Set<String> questionTerms = SentenceScorer.questionTerms(question, language);
        QuestionType type = QuestionType.of(question);
        boolean list = QuestionType.asksForList(question);
        int longest = Math.min(settings.maxSentences(), list ? 3 : 2);
        AnswerSupport support = AnswerSupport.of(question);
        Map<Source, List<ScoredSentence>> bySource = new LinkedHashMap<>();
        for (ScoredSentence sentence : scored) {
            bySource.computeIfAbsent(sentence.source(), s -> new ArrayList<>()).add(sentence);
        }
        Map<String, Optional<TranslatedQuestion>> translations = new HashMap<>();
        double weight = settings.embeddingWeight(language);
        List<CandidateRun> runs = new ArrayList<>();
        Map<ScoredSentence, Double> proximities = new HashMap<>();
        for (List<ScoredSentence> passage : bySource.values()) {
            passage.sort(Comparator.comparingInt(ScoredSentence::position));
            Source source = passage.get(0).source();
            boolean sameLanguage = language.equals(source.language());
            HeadlineContext headline =
                    sameLanguage ? HeadlineContext.of(source.title(), questionTerms, language) : HeadlineContext.NONE;
            Optional<TranslatedQuestion> translated = sameLanguage
                    ? Optional.empty()
                    : translations.computeIfAbsent(
                            source.language(),
                            to -> translation.translate(question, language, to, SentenceScorer.textsIn(sources, to)));
            for (int first = 0; first < passage.size(); first++) {
                boolean dangling = continuesPrevious(passage, first);
                Set<String> terms = new HashSet<>();
                double similarity = 0;
                boolean evidence = false;
                boolean supported = false;
                double proximity = 0;
                for (int last = first; last < passage.size() && last - first < longest; last++) {
                    ScoredSentence sentence = passage.get(last);
                    if (last > first
                            && sentence.position() != passage.get(last - 1).position() + 1) {
                        break;
                    }
                    if (last > first && (length(passage, first, last) > settings.maxCharacters())) {
                        break;
                    }
                    terms.addAll(sentence.terms());
                    similarity = Math.max(similarity, sentence.similarity());
                    evidence |= AnswerTypeEvidence.holds(type, sentence.text(), question);
                    supported |= evidence || support.answersByAnotherEvent(sentence.text());
                    if (sameLanguage) {
                        proximity = Math.max(
                                proximity,
                                proximities.computeIfAbsent(
                                        sentence, x -> TermProximity.of(questionTerms, x.text(), language)));
                    }
                    double coverage = sameLanguage
                            ? TermMatch.coverage(questionTerms, terms, language)
                            : translated.map(words -> words.coverage(terms)).orElse(0.0);
                    double bonus = evidence && type != QuestionType.OTHER ? TYPE_BONUS : 0;
                    bonus += PROXIMITY_WEIGHT * proximity;
                    bonus += HEADLINE_WEIGHT * headline.coverageBeyond(terms, coverage);
                    double score = coverage
                            + (sameLanguage ? weight * Math.max(0, similarity) : 0)
                            + SentenceScorer.RANK_BONUS / source.n();
                    runs.add(new CandidateRun(
                            List.copyOf(passage.subList(first, last + 1)),
                            score,
                            sentence.minScore(),
                            support.supports(source, supported),
                            sentence.topic(),
                            bonus,
                            list,
                            dangling));
                }
            }
        }
        return runs;
    }

    /** Whether the passage's sentence {@code i} refers back to the sentence just before it, also in the passage. */
    private static boolean continuesPrevious(List<ScoredSentence> passage, int i) {
        return i > 0
                && passage.get(i - 1).position() == passage.get(i).position() - 1
                && passage.get(i).refersBack();
    }

    private static int length(List<ScoredSentence> passage, int first, int last) {
        int length = 0;
        for (int i = first; i <= last; i++) {
            length += passage.get(i).text().length() + 1;
        }
        return length;
    }
}
