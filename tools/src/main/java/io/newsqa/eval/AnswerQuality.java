package io.newsqa.eval;

import io.newsqa.answer.Answer;
import io.newsqa.answer.ArchiveSources;
import io.newsqa.answer.ExtractiveAnswerer;
import io.newsqa.answer.Source;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.StoredArticle;
import io.newsqa.eval.SquadFile.Question;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.text.ArabicNormalizer;
import io.newsqa.text.LanguageDetection;
import io.newsqa.text.SentenceSplitter;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Measures the extractive answer (the answer without a language model) the way a reader meets it:
 * the product's sources ({@link ArchiveSources}: the hybrid search with the
 * product's translation, the configured number of passages) and {@link ExtractiveAnswerer} with the
 * configured thresholds, for every question set: same-language and cross-lingual (an English
 * question over Arabic paragraphs is right when its answer quotes the Arabic gold).
 *
 * <p>Each sampled answerable question is asked twice: as a <em>positive</em> with the whole
 * archive, and as a <em>negative</em> with its paragraph (and any word-for-word copy of it)
 * deleted from the archive and stored again afterwards, where "the archive does not say" is the
 * right answer. A SQuAD v2.0 unanswerable question ({@code is_impossible}) is asked once, with the
 * whole archive, and should be refused. The two kinds of negatives give two refusal precisions and
 * recalls, each against the refused positives.
 *
 * <p>A positive's answer "contains gold" when its text, with the {@code [n]} markers dropped, Arabic
 * normalised ({@link ArabicNormalizer}), lower-cased and punctuation turned into spaces, contains a
 * gold answer text treated alike; "gold within 2 sentences" when one sentence of the answer, or two
 * consecutive ones, already do: what a reader gets from a short answer.
 */
public final class AnswerQuality {

    private static final Pattern MARKER = Pattern.compile("\\[\\d+]");
    /** A marker with the space before it. */
    private static final Pattern MARKED = Pattern.compile("\\s*\\[\\d+]");

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** The gold must lie within this many consecutive sentences of the answer. */
    static final int GOLD_SENTENCES = 2;

    private static final AnswerDump DUMP = AnswerDump.fromSystemProperty();

    private final ExtractiveAnswerer answerer;
    private final int passages;
    private final int every;
    private final List<AnswerScore> scores = new ArrayList<>();

    /**
     * @param answerer the extractive answerer as the product configures it
     * @param passages passages retrieved per question ({@code newsqa.retrieval.passages})
     * @param every    ask every n-th question of a set (1: all); each answerable one costs two answers
     */
    public AnswerQuality(ExtractiveAnswerer answerer, int passages, int every) {
        if (passages < 1 || every < 1) {
            throw new IllegalArgumentException(
                    "passages and the sampling step must be at least 1 (got " + passages + ", " + every + ")");
        }
        this.answerer = answerer;
        this.passages = passages;
        this.every = every;
    }

    /** The scores measured so far, in the order measured. */
    public List<AnswerScore> scores() {
        return List.copyOf(scores);
    }

    /** The counts behind one {@link AnswerScore}. */
    private static final class Tally {
        final QuestionSet set;
        int positives;
        int answered;
        int withGoldText;
        int containsGold;
        int goldWithinSentences;
        long answerChars;
        int unanswerable;
        int refusedUnanswerable;
        int negatives;
        int refusedNegatives;

        Tally(QuestionSet set) {
            this.set = set;
        }

        AnswerScore score(String archive, double p50Millis) {
            int refusedPositives = positives - answered;
            return new AnswerScore(
                    archive,
                    set.name(),
                    positives,
                    share(answered, positives),
                    share(containsGold, withGoldText),
                    share(goldWithinSentences, withGoldText),
                    answered == 0 ? 0 : (double) answerChars / answered,
                    unanswerable,
                    unanswerable == 0 ? null : precision(refusedUnanswerable, refusedPositives),
                    unanswerable == 0 ? null : share(refusedUnanswerable, unanswerable),
                    precision(refusedNegatives, refusedPositives),
                    share(refusedNegatives, negatives),
                    p50Millis);
        }

        /** Right refusals among all refusals; 1 when nothing was refused. */
        private static double precision(int refusedNegatives, int refusedPositives) {
            int refused = refusedNegatives + refusedPositives;
            return refused == 0 ? 1.0 : (double) refusedNegatives / refused;
        }

        private static double share(int part, int whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }

    private record Asked(Tally tally, Question question) {}

    /**
     * Measures the sets over {@code corpus} held in {@code archive}; leaves the archive as it
     * found it (each deleted paragraph is stored again, with its vectors).
     *
     * @param search     the product's hybrid search for a question asked on a day ({@code null}: no day)
     * @param paragraphs the stored paragraphs, in the corpus's order
     */
    void measure(
            String kind,
            ArchiveIndex archive,
            Function<LocalDate, HybridSearch> search,
            SquadFile corpus,
            List<QuestionSet> sets,
            List<StoredArticle> paragraphs,
            PrintStream progress) {
        List<Tally> tallies = new ArrayList<>();
        Map<Integer, List<Asked>> byParagraph = new TreeMap<>();
        for (QuestionSet set : sets) {
            if (set.corpus() != corpus) {
                continue;
            }
            Tally tally = new Tally(set);
            tallies.add(tally);
            for (int i = 0; i < set.questions().size(); i += every) {
                Question question = set.questions().get(i);
                byParagraph
                        .computeIfAbsent(question.paragraph(), p -> new ArrayList<>())
                        .add(new Asked(tally, question));
            }
        }
        if (tallies.isEmpty()) {
            return;
        }
        Map<String, List<StoredArticle>> copies = new LinkedHashMap<>();
        for (StoredArticle paragraph : paragraphs) {
            copies.computeIfAbsent(paragraph.article().body(), text -> new ArrayList<>())
                    .add(paragraph);
        }
        List<Long> nanos = new ArrayList<>();
        for (Map.Entry<Integer, List<Asked>> paragraph : byParagraph.entrySet()) {
            boolean anyAnswerable = false;
            for (Asked asked : paragraph.getValue()) {
                Answer answer =
                        timed(search, asked.question(), nanos, asked.tally().set.name(), "whole");
                Tally tally = asked.tally();
                if (asked.question().impossible()) {
                    tally.unanswerable++;
                    tally.refusedUnanswerable += answer.found() ? 0 : 1;
                    continue;
                }
                anyAnswerable = true;
                tally.positives++;
                if (answer.found()) {
                    tally.answered++;
                    tally.answerChars += quoted(answer.answer()).length();
                }
                if (!asked.question().answers().isEmpty()) {
                    tally.withGoldText++;
                    tally.containsGold += answer.found()
                                    && containsGold(
                                            answer.answer(), asked.question().answers())
                            ? 1
                            : 0;
                    tally.goldWithinSentences += answer.found()
                                    && goldWithinSentences(
                                            answer.answer(), asked.question().answers(), GOLD_SENTENCES)
                            ? 1
                            : 0;
                }
            }
            if (!anyAnswerable) {
                continue;
            }
            List<StoredArticle> gold =
                    copies.get(paragraphs.get(paragraph.getKey()).article().body());
            gold.forEach(copy -> archive.delete(copy.article().id()));
            try {
                for (Asked asked : paragraph.getValue()) {
                    if (!asked.question().impossible()) {
                        asked.tally().negatives++;
                        asked.tally().refusedNegatives += timed(
                                                search,
                                                asked.question(),
                                                nanos,
                                                asked.tally().set.name(),
                                                "removed")
                                        .found()
                                ? 0
                                : 1;
                    }
                }
            } finally {
                archive.putAll(gold);
            }
        }
        double p50 = median(nanos);
        for (Tally tally : tallies) {
            AnswerScore score = tally.score(kind, p50);
            progress.println(score.describe());
            scores.add(score);
        }
    }

    private Answer timed(
            Function<LocalDate, HybridSearch> search,
            Question question,
            List<Long> nanos,
            String set,
            String archiveState) {
        long start = System.nanoTime();
        // As AnswerService does it, without a conversation: the question's detected language.
        String language = LanguageDetection.detect(question.text());
        List<Source> sources = new ArchiveSources(search.apply(question.referenceDate()), passages)
                .find(question.text(), language, SearchFilter.none())
                .sources();
        Answer answer = answerer.answer(question.text(), language, sources);
        nanos.add(System.nanoTime() - start);
        DUMP.write(set, archiveState, question, sources, answer);
        return answer;
    }

    /** The answer's text as read, without its {@code [n]} markers. */
    static String quoted(String answer) {
        return MARKED.matcher(answer).replaceAll("").strip();
    }

    static boolean containsGold(String answer, List<String> goldTexts) {
        String text = normalised(answer);
        return goldTexts.stream()
                .map(AnswerQuality::normalised)
                .anyMatch(gold -> !gold.isEmpty() && text.contains(gold));
    }

    /** Whether a run of at most {@code sentences} consecutive sentences of the answer contains a gold text. */
    static boolean goldWithinSentences(String answer, List<String> goldTexts, int sentences) {
        List<String> split = SentenceSplitter.split(MARKER.matcher(answer).replaceAll(" "));
        for (int first = 0; first < split.size(); first++) {
            StringBuilder run = new StringBuilder();
            for (int last = first; last < Math.min(split.size(), first + sentences); last++) {
                run.append(split.get(last)).append(' ');
                if (containsGold(run.toString(), goldTexts)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Markers dropped, Arabic spelling normalised, lower case, punctuation and spacing as single spaces. */
    static String normalised(String text) {
        String unmarked = MARKER.matcher(text).replaceAll(" ");
        return NOT_LETTER_OR_DIGIT
                .matcher(ArabicNormalizer.normalize(unmarked).toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }

    private static double median(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2] / 1e6;
    }
}
