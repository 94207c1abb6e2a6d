package io.newsqa.answer;

import io.newsqa.text.LanguageAnalyzers;
import io.newsqa.text.QuestionTerms;
import io.newsqa.text.SentenceSplitter;
import io.newsqa.text.Unquotable;
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
 */
public final class ExtractiveAnswerer {

    /**
     * What each sentence beyond the first costs a run: a second sentence must add a question term
     * or the kind of answer asked for. Fitted on XQuAD dev (0.02 quoted more needless second
     * sentences, 0.1 measured the same as 0.05).
     */
    private static final double EXTRA_SENTENCE_COST = 0.05;
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
    /** Bonus for coming from the first passage, shrinking with the passage's rank. */
    private static final double RANK_BONUS = 0.05;
    /**
     * How much the passage's coverage of the carried terms adds to a sentence's rank (never to
     * its score): below the gap one more own term makes for a question of up to four terms.
     */
    private static final double TOPIC_WEIGHT = 0.2;
    /** Share of the carried terms a passage must cover to be on the conversation's topic. */
    private static final double ON_TOPIC = 0.5;

    private final SentenceEmbedder embedder;
    private final ExtractiveSettings settings;
    private final QuestionTranslation translation;
    private final ForeignQuoteFraming framing;

    public ExtractiveAnswerer(SentenceEmbedder embedder, ExtractiveSettings settings) {
        this(embedder, settings, QuestionTranslation.off());
    }

    /**
     * @param translation renders the question in another language's terms, so that sentences of
     *                    articles in another language than the question's can be quoted too
     */
    public ExtractiveAnswerer(SentenceEmbedder embedder, ExtractiveSettings settings, QuestionTranslation translation) {
        this.embedder = embedder;
        this.settings = settings;
        this.translation = translation;
        this.framing = new ForeignQuoteFraming(translation);
    }

    /**
     * A sentence of a retrieved passage with its evidence.
     *
     * @param score    coverage of the question's own terms plus weighted similarity and rank bonus
     * @param minScore what the score must reach for the sentence to be quoted: the threshold of
     *                 the question's language, or for a sentence in another language (scored by
     *                 translated coverage alone) the threshold for translated sentences
     * @param topic    share of the carried terms its passage (headline and text) covers; 0 without
     * @param refersBack whether it refers back to the sentence before it ({@link BackReference})
     */
    public record ScoredSentence(
            Source source,
            int position,
            String text,
            Set<String> terms,
            double coverage,
            double similarity,
            double score,
            double minScore,
            double topic,
            boolean refersBack) {

        /** The order of preference among sentences: the score, and the conversation's topic. */
        double rank() {
            return score + TOPIC_WEIGHT * topic;
        }
    }

    public Answer answer(String question, String language, List<Source> sources) {
        return answer(question, "", language, sources);
    }

    /**
     * @param carried words carried from the conversation's previous question ({@code ""} for none):
     *                they rank sentences of the conversation's topic first but never make one quotable
     */
    public Answer answer(String question, String carried, String language, List<Source> sources) {
        List<Window> windows = windows(question, carried, language, sources);
        // Quote in the reader's language when the archive can, and on the conversation's topic
        // when it can; sentences of other languages (scored through the dictionaries) answer only
        // when none of the reader's language does.
        List<Window> readers = windows.stream()
                .filter(w -> language.equals(w.source().language()))
                .toList();
        Optional<Window> chosen =
                best(readers.stream().filter(w -> w.topic() >= ON_TOPIC).toList());
        if (chosen.isEmpty()) {
            chosen = best(readers);
        }
        if (chosen.isEmpty()) {
            chosen = best(windows.stream()
                    .filter(w -> !language.equals(w.source().language()))
                    .toList());
        }
        return chosen.map(window -> compose(question, window.sentences(), language))
                .orElseGet(() -> notFound(language));
    }

    /**
     * A run of consecutive sentences of one passage, the candidate answer.
     *
     * @param score    coverage of the question's own terms by the run's sentences together, plus
     *                 the weighted similarity of its most similar sentence and the rank bonus: what
     *                 decides whether the run may be quoted at all
     * @param minScore what {@code score} must reach to be quoted (see {@link ScoredSentence})
     * @param supported whether the run is evidence enough apart from its score ({@link AnswerSupport})
     * @param bonus    what ranks the run among quotable ones and never makes one quotable: the
     *                 answer-type bonus when one of its sentences holds the kind of answer asked
     *                 for, and the proximity of the question's terms in its closest sentence
     * @param list     whether the question asks for a list, whose further sentences count for the run
     * @param dangling whether its first sentence refers back to a sentence of the passage it leaves
     *                 out ({@link BackReference}): it then costs as if that sentence were quoted
     */
    record Window(
            List<ScoredSentence> sentences,
            double score,
            double minScore,
            boolean supported,
            double topic,
            double bonus,
            boolean list,
            boolean dangling) {

        Source source() {
            return sentences.get(0).source();
        }

        boolean quotable() {
            return supported && score >= minScore;
        }

        /**
         * Order of preference: the score less the cost of each sentence beyond the first, and the
         * topic. For a list, each further sentence that matches the question continues the list:
         * it counts for the run instead of against it.
         */
        double rank() {
            double extra = dangling ? EXTRA_SENTENCE_COST : 0;
            for (int i = 1; i < sentences.size(); i++) {
                if (continuation(i)) {
                    continue;
                }
                extra += list && sentences.get(i).coverage() > 0 ? -EXTRA_SENTENCE_COST : EXTRA_SENTENCE_COST;
            }
            return score + bonus - extra + TOPIC_WEIGHT * topic;
        }

        /** Whether sentence {@code i} refers back to the one before it in this run ({@link BackReference}). */
        boolean continuation(int i) {
            return i > 0 && sentences.get(i).refersBack();
        }

        /** Statements quoted: sentences, a sentence that refers back counting with the one before it. */
        int statements() {
            int statements = 1;
            for (int i = 1; i < sentences.size(); i++) {
                statements += continuation(i) ? 0 : 1;
            }
            return statements;
        }
    }

    /**
     * Of equally ranked runs (to the ninth decimal: bonuses and costs that cancel out are a tie,
     * whatever the rounding of their sum), the one of fewer statements, then of fewer sentences.
     */
    private static Optional<Window> best(List<Window> windows) {
        return windows.stream()
                .filter(Window::quotable)
                .max(Comparator.comparingDouble((Window w) -> Math.rint(w.rank() * 1e9))
                        .thenComparing(w -> -w.statements())
                        .thenComparing(w -> -w.sentences().size()));
    }

    /** Whether the passage's sentence {@code i} refers back to the sentence just before it, also in the passage. */
    private static boolean continuesPrevious(List<ScoredSentence> passage, int i) {
        return i > 0
                && passage.get(i - 1).position() == passage.get(i).position() - 1
                && passage.get(i).refersBack();
    }

    /**
     * Every candidate run: each quotable sentence alone, and with one neighbour before or after it
     * in its passage (with two for a question asking for a list or a sequence).
     */
    List<Window> windows(String question, String carried, String language, List<Source> sources) {
        List<ScoredSentence> scored = score(question, carried, language, sources);
        if (scored.isEmpty()) {
            return List.of();
        }
        Set<String> questionTerms = questionTerms(question, language);
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
        List<Window> windows = new ArrayList<>();
        Map<ScoredSentence, Double> proximities = new HashMap<>();
        for (List<ScoredSentence> passage : bySource.values()) {
            passage.sort(Comparator.comparingInt(ScoredSentence::position));
            Source source = passage.get(0).source();
            boolean sameLanguage = language.equals(source.language());
            Optional<TranslatedQuestion> translated = sameLanguage
                    ? Optional.empty()
                    : translations.computeIfAbsent(
                            source.language(),
                            to -> translation.translate(question, language, to, textsIn(sources, to)));
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
                    if (last > first && (windowLength(passage, first, last) > settings.maxCharacters())) {
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
                    double score =
                            coverage + (sameLanguage ? weight * Math.max(0, similarity) : 0) + RANK_BONUS / source.n();
                    windows.add(new Window(
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
        return windows;
    }

    /** The texts of the sources in one language: a translated question is read against the words they hold. */
    private static List<String> textsIn(List<Source> sources, String language) {
        return sources.stream()
                .filter(source -> language.equals(source.language()))
                .map(Source::text)
                .toList();
    }

    private static int windowLength(List<ScoredSentence> passage, int first, int last) {
        int length = 0;
        for (int i = first; i <= last; i++) {
            length += passage.get(i).text().length() + 1;
        }
        return length;
    }

    /** Every sentence of the sources, scored against the question, best ranked first. */
    public List<ScoredSentence> score(String question, String carried, String language, List<Source> sources) {
        Set<String> questionTerms = questionTerms(question, language);
        if (questionTerms.isEmpty()) {
            return List.of();
        }
        Set<String> carriedTerms = QuestionTerms.of(carried, language);
        carriedTerms.removeAll(questionTerms);
        Map<Source, Double> topics = new HashMap<>();
        record Raw(
                Source source, int position, String text, Set<String> terms, double coverage, boolean sameLanguage) {}
        Map<String, Optional<TranslatedQuestion>> translations = new HashMap<>();
        List<Raw> raws = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Source source : sources) {
            boolean sameLanguage = language.equals(source.language());
            Optional<TranslatedQuestion> translated = sameLanguage
                    ? Optional.empty()
                    : translations.computeIfAbsent(
                            source.language(),
                            to -> translation.translate(question, language, to, textsIn(sources, to)));
            List<String> sentences = SentenceSplitter.split(source.text());
            for (int position = 0; position < sentences.size(); position++) {
                String sentence = sentences.get(position).strip();
                // Overlapping chunks repeat their boundary sentence: quote it once. Sub-headings,
                // bylines, captions, navigation and isnad chains answer nothing.
                if (Unquotable.isUnquotable(sentence) || !seen.add(source.articleId() + "\u0000" + sentence)) {
                    continue;
                }
                Set<String> terms = new HashSet<>(
                        sameLanguage
                                ? LanguageAnalyzers.matchTerms(sentence, language)
                                : LanguageAnalyzers.terms(sentence, source.language()));
                double coverage;
                if (sameLanguage) {
                    coverage = TermMatch.coverage(questionTerms, terms, language);
                } else {
                    coverage = translated.map(words -> words.coverage(terms)).orElse(0.0);
                }
                raws.add(new Raw(source, position, sentence, terms, coverage, sameLanguage));
            }
        }
        double weight = settings.embeddingWeight(language);
        List<Double> similarities = similarities(
                question, raws.stream().filter(Raw::sameLanguage).map(Raw::text).toList(), weight);
        List<ScoredSentence> scored = new ArrayList<>(raws.size());
        int sameLanguageIndex = 0;
        for (Raw raw : raws) {
            double score = raw.coverage() + RANK_BONUS / raw.source().n();
            double similarity = 0;
            double minScore;
            if (raw.sameLanguage()) {
                similarity = similarities.get(sameLanguageIndex++);
                score += weight * Math.max(0, similarity);
                minScore = settings.minScore(language);
            } else {
                // The built-in embedding model cannot compare across languages: translated coverage
                // alone, against the threshold for translated sentences.
                minScore = settings.translatedMinScore();
            }
            double topic = carriedTerms.isEmpty() || !raw.sameLanguage()
                    ? 0
                    : topics.computeIfAbsent(
                            raw.source(),
                            source -> TermMatch.coverage(
                                    carriedTerms,
                                    new HashSet<>(
                                            LanguageAnalyzers.terms(source.title() + "\n" + source.text(), language)),
                                    language));
            scored.add(new ScoredSentence(
                    raw.source(),
                    raw.position(),
                    raw.text(),
                    raw.terms(),
                    raw.coverage(),
                    similarity,
                    score,
                    minScore,
                    topic,
                    BackReference.refersBack(raw.text())));
        }
        scored.sort(Comparator.comparingDouble(ScoredSentence::rank).reversed());
        return scored;
    }

    private static Set<String> questionTerms(String question, String language) {
        return QuestionTerms.forMatching(question, language);
    }

    private List<Double> similarities(String question, List<String> sentences, double weight) {
        if (weight == 0 || sentences.isEmpty()) {
            return sentences.stream().map(s -> 0.0).toList();
        }
        float[] q = embedder.embedQuestion(question);
        return embedder.embedAll(sentences).stream()
                .map(v -> SentenceEmbedder.cosine(q, v))
                .toList();
    }

    /**
     * Stories numbered by their best sentence (one citation per story, naming its newest quoted
     * article: copies of a wire story are cited once); within a story, sentences in reading order,
     * so that the quoted text follows the article's own narrative.
     */
    private Answer compose(String question, List<ScoredSentence> chosen, String language) {
        Map<String, List<ScoredSentence>> byStory = new LinkedHashMap<>();
        for (ScoredSentence sentence : chosen) {
            byStory.computeIfAbsent(sentence.source().storyId(), id -> new ArrayList<>())
                    .add(sentence);
        }
        List<Citation> citations = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (List<ScoredSentence> sentences : byStory.values()) {
            sentences.sort(Comparator.comparing((ScoredSentence s) -> s.source().articleId())
                    .thenComparingInt(s -> s.source().chunkOrdinal())
                    .thenComparingInt(ScoredSentence::position));
            int n = citations.size() + 1;
            Source cited = Source.newest(
                    sentences.stream().map(ScoredSentence::source).distinct().toList());
            citations.add(cited.citation(n));
            if (!language.equals(cited.language())) { // a reader of another language is told what the quote is
                text.append(text.isEmpty() ? "" : " ")
                        .append(framing.frame(
                                question,
                                cited,
                                sentences.stream().map(ScoredSentence::text).toList(),
                                n,
                                language));
                continue;
            }
            for (ScoredSentence sentence : sentences) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(sentence.text()).append(" [").append(n).append(']');
            }
        }
        return new Answer(text.toString(), citations, true, Answer.EXTRACTIVE, language);
    }

    static Answer notFound(String language) {
        String text = "ar".equals(language) ? "لا يذكر الأرشيف إجابة عن هذا السؤال." : "The archive does not say.";
        return new Answer(text, List.of(), false, Answer.EXTRACTIVE, language);
    }
}
