package io.newsqa.answer;

import io.newsqa.text.LanguageAnalyzers;
import io.newsqa.text.Unquotable;
import io.newsqa.translate.QuestionTranslation;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers without a language model: quotes the retrieved sentences that best answer the question,
 * each followed by the number of its source.
 *
 * <p>The answer is the best run of at most two consecutive sentences of one passage (three when
 * the question asks for a list or a sequence, {@link QuestionType#asksForList}). A run's score is
 * its lexical coverage (the share of the question's distinct terms its sentences contain together,
 * matched on light Arabic stems, see {@link LanguageAnalyzers#matchTerms}) plus the embedding
 * similarity of its most similar sentence times a per-language weight (the built-in model is
 * English-only, so Arabic relies on coverage), plus a small bonus for a higher-ranked passage. Runs
 * are ranked by that score, plus a bonus when a sentence holds the kind of answer the question
 * asks for ({@link QuestionType}, {@link AnswerTypeEvidence}) and for the closeness of the question's
 * terms in it ({@link TermProximity}), less a cost for each sentence beyond the first, so that a
 * second sentence is quoted only when it adds a question term or the answer. A sentence that refers
 * back to the one before it ("He is also…", "وهو كذلك…", {@link BackReference}) is quoted with it at
 * no extra cost, and costs as much without it. Neither bonus nor cost decides whether a run may be
 * quoted.
 * Sub-headings, bylines, captions, navigation and isnad chains are never quoted ({@link Unquotable}).
 * When no run reaches the language's minimum score, or none is evidence enough ({@link AnswerSupport}:
 * its passage holds the years the question names; a how-many or when question's run holds a number
 * or a date), the archive is taken not to answer the question and the answer says so;
 * docs/reference/answers.md has the calibration.
 *
 * <p>A follow-up ("how much is a ticket?" after "when does the tram line open?") comes with the
 * words carried from the previous question. They never make a sentence quotable — only the
 * follow-up's own terms do, or the previous answer would simply be repeated — but they tell which
 * quotable sentences belong to the conversation's topic: those of passages whose headline and text
 * cover the carried terms are ranked higher and quoted first.
 *
 * <p>The work is split by step: {@link SentenceScorer} scores the sentences, {@link CandidateRuns}
 * builds the runs, this class chooses one, {@link AnswerComposer} writes it with its citations.
 */
public final class ExtractiveAnswerer {

    /** Share of the carried terms a passage must cover to be on the conversation's topic. */
    private static final double ON_TOPIC = 0.5;

    private final SentenceScorer scorer;
    private final CandidateRuns runs;
    private final AnswerComposer composer;

    public ExtractiveAnswerer(SentenceEmbedder embedder, ExtractiveSettings settings) {
        this(embedder, settings, QuestionTranslation.off());
    }

    /**
     * @param translation renders the question in another language's terms, so that sentences of
     *                    articles in another language than the question's can be quoted too
     */
    public ExtractiveAnswerer(SentenceEmbedder embedder, ExtractiveSettings settings, QuestionTranslation translation) {
        this.scorer = new SentenceScorer(embedder, settings, translation);
        this.runs = new CandidateRuns(settings, translation);
        this.composer = new AnswerComposer(new ForeignQuoteFraming(translation));
    }

    public Answer answer(String question, String language, List<Source> sources) {
        return answer(question, "", language, sources);
    }

    /**
     * @param carried words carried from the conversation's previous question ({@code ""} for none):
     *                they rank sentences of the conversation's topic first but never make one quotable
     */
    public Answer answer(String question, String carried, String language, List<Source> sources) {
        List<CandidateRun> windows = windows(question, carried, language, sources);
        // Quote in the reader's language when the archive can, and on the conversation's topic
        // when it can; sentences of other languages (scored through the dictionaries) answer only
        // when none of the reader's language does.
        List<CandidateRun> readers = windows.stream()
                .filter(w -> language.equals(w.source().language()))
                .toList();
        Optional<CandidateRun> chosen =
                best(readers.stream().filter(w -> w.topic() >= ON_TOPIC).toList());
        if (chosen.isEmpty()) {
            chosen = best(readers);
        }
        if (chosen.isEmpty()) {
            chosen = best(windows.stream()
                    .filter(w -> !language.equals(w.source().language()))
                    .toList());
        }
        return chosen.map(window -> composer.compose(question, window.sentences(), language))
                .orElseGet(() -> notFound(language));
    }

    /**
     * Of equally ranked runs (to the ninth decimal: bonuses and costs that cancel out are a tie,
     * whatever the rounding of their sum), the one of fewer statements, then of fewer sentences.
     */
    private static Optional<CandidateRun> best(List<CandidateRun> windows) {
        return windows.stream()
                .filter(CandidateRun::quotable)
                .max(Comparator.comparingDouble((CandidateRun w) -> Math.rint(w.rank() * 1e9))
                        .thenComparing(w -> -w.statements())
                        .thenComparing(w -> -w.sentences().size()));
    }

    /**
     * Every candidate run: each quotable sentence alone, and with one neighbour before or after it
     * in its passage (with two for a question asking for a list or a sequence).
     */
    List<CandidateRun> windows(String question, String carried, String language, List<Source> sources) {
        return runs.of(question, language, sources, score(question, carried, language, sources));
    }

    /** Every sentence of the sources, scored against the question, best ranked first. */
    public List<ScoredSentence> score(String question, String carried, String language, List<Source> sources) {
        return scorer.score(question, carried, language, sources);
    }

    static Answer notFound(String language) {
        return AnswerComposer.notFound(language);
    }
}
