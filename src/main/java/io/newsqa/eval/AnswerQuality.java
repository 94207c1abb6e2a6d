package io.newsqa.eval;

import dev.langchain4j.rag.query.Query;
import io.newsqa.answer.Answer;
import io.newsqa.answer.ExtractiveAnswerer;
import io.newsqa.answer.Source;
import io.newsqa.answer.chain.ArchiveContentRetriever;
import io.newsqa.answer.chain.NumberedSources;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.SearchFilter;
import io.newsqa.eval.SquadFile.Question;
import io.newsqa.ingest.ArticleIdentity;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.text.ArabicNormalizer;
import io.newsqa.text.LanguageDetection;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Measures the extractive answer (the answer without a language model) the way a reader meets it:
 * the product's retrieval chain ({@link ArchiveContentRetriever} over the hybrid search, the
 * configured number of passages) and {@link ExtractiveAnswerer} with the configured thresholds.
 *
 * <p>Each sampled question is asked twice: as a <em>positive</em> with the whole archive, and as a
 * <em>negative</em> with its gold paragraph deleted from the archive (stored again afterwards),
 * where "the archive does not say" is the right answer. A positive's answer "contains gold" when
 * its text, with the {@code [n]} markers dropped, Arabic normalised ({@link ArabicNormalizer}),
 * lower-cased and punctuation turned into spaces, contains a gold answer text treated alike.
 *
 * <p>Only question sets in the corpus's own language are measured: the extractive answer quotes
 * the archive, so across languages it can only quote what the dictionaries translate.
 */
public final class AnswerQuality {

    private static final Pattern MARKER = Pattern.compile("\\[\\d+]");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final ExtractiveAnswerer answerer;
    private final int passages;
    private final int every;
    private final List<AnswerScore> scores = new ArrayList<>();

    /**
     * @param answerer the extractive answerer as the product configures it
     * @param passages passages retrieved per question ({@code newsqa.retrieval.passages})
     * @param every    ask every n-th question of a set (1: all); each costs two answers
     */
    public AnswerQuality(ExtractiveAnswerer answerer, int passages, int every) {
        if (passages < 1 || every < 1) {
            throw new IllegalArgumentException("passages and the sampling step must be at least 1 (got " + passages
                    + ", " + every + ")");
        }
        this.answerer = answerer;
        this.passages = passages;
        this.every = every;
    }

    /** The scores measured so far, in the order measured. */
    public List<AnswerScore> scores() {
        return List.copyOf(scores);
    }

    static boolean measures(QuestionSet set) {
        return set.language().equals(set.corpus().language());
    }

    /** The counts behind one {@link AnswerScore}. */
    private static final class Tally {
        final QuestionSet set;
        int questions;
        int answeredPositives;
        int refusedNegatives;
        int withGoldText;
        int containsGold;

        Tally(QuestionSet set) {
            this.set = set;
        }

        AnswerScore score(String archive, double p50Millis) {
            int refused = refusedNegatives + questions - answeredPositives;
            return new AnswerScore(archive, set.name(), questions, share(answeredPositives, questions),
                    share(containsGold, withGoldText), refused == 0 ? 1.0 : (double) refusedNegatives / refused,
                    share(refusedNegatives, questions), p50Millis);
        }

        private static double share(int part, int whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }

    private record Asked(Tally tally, Question question) {
    }

    /**
     * Measures the sets over {@code corpus} held in {@code archive}; leaves the archive as it
     * found it (each deleted paragraph is stored again).
     *
     * @param articleIds paragraph index → article id, kept up to date as paragraphs are stored again
     */
    void measure(String kind, ArchiveIndex archive, HybridSearch search, ArticleIngestor ingestor, SquadFile corpus,
                 List<QuestionSet> sets, Map<Integer, String> articleIds, PrintStream progress) {
        ArchiveContentRetriever retriever = new ArchiveContentRetriever(search, passages, SearchFilter.none());
        List<Tally> tallies = new ArrayList<>();
        Map<Integer, List<Asked>> byParagraph = new TreeMap<>();
        for (QuestionSet set : sets) {
            if (set.corpus() != corpus || !measures(set)) {
                continue;
            }
            Tally tally = new Tally(set);
            tallies.add(tally);
            for (int i = 0; i < set.questions().size(); i += every) {
                Question question = set.questions().get(i);
                byParagraph.computeIfAbsent(question.paragraph(), p -> new ArrayList<>()).add(new Asked(tally, question));
            }
        }
        if (tallies.isEmpty()) {
            return;
        }
        List<Long> nanos = new ArrayList<>();
        for (Map.Entry<Integer, List<Asked>> paragraph : byParagraph.entrySet()) {
            for (Asked asked : paragraph.getValue()) {
                Answer answer = timed(retriever, asked.question().text(), nanos);
                Tally tally = asked.tally();
                tally.questions++;
                tally.answeredPositives += answer.found() ? 1 : 0;
                if (!asked.question().answers().isEmpty()) {
                    tally.withGoldText++;
                    tally.containsGold += answer.found() && containsGold(answer.answer(), asked.question().answers()) ? 1 : 0;
                }
            }
            String goldId = articleIds.get(paragraph.getKey());
            archive.delete(goldId);
            for (Asked asked : paragraph.getValue()) {
                asked.tally().refusedNegatives += timed(retriever, asked.question().text(), nanos).found() ? 0 : 1;
            }
            restore(archive, ingestor, corpus, paragraph.getKey(), goldId, articleIds);
        }
        double p50 = median(nanos);
        for (Tally tally : tallies) {
            AnswerScore score = tally.score(kind, p50);
            progress.printf(Locale.ROOT, "%s %s extractive answers (%d questions): answered %.3f, contains gold %.3f,"
                            + " refusal precision %.3f, recall %.3f%n", kind, score.questionSet(), score.questions(),
                    score.answered(), score.containsGold(), score.refusalPrecision(), score.refusalRecall());
            scores.add(score);
        }
    }

    private Answer timed(ArchiveContentRetriever retriever, String question, List<Long> nanos) {
        long start = System.nanoTime();
        // As AnswerService does it, without a conversation: the question's detected language.
        List<Source> sources = NumberedSources.from(retriever.retrieve(Query.from(question)));
        Answer answer = answerer.answer(question, LanguageDetection.detect(question), sources);
        nanos.add(System.nanoTime() - start);
        return answer;
    }

    /** Stores the deleted paragraph again; paragraphs that shared its article (equal texts) follow it. */
    private static void restore(ArchiveIndex archive, ArticleIngestor ingestor, SquadFile corpus, int paragraph,
                                String deletedId, Map<Integer, String> articleIds) {
        ingestor.ingest(EvalRunner.paragraphArticle(corpus, paragraph));
        String restored = archive.findByContentHash(ArticleIdentity.contentHash(corpus.paragraphs().get(paragraph)))
                .orElseThrow(() -> new IllegalStateException("paragraph " + paragraph + " of " + corpus.name()
                        + " could not be stored again after its negative questions"))
                .id();
        articleIds.replaceAll((index, id) -> id.equals(deletedId) ? restored : id);
    }

    static boolean containsGold(String answer, List<String> goldTexts) {
        String text = normalised(answer);
        return goldTexts.stream().map(AnswerQuality::normalised).anyMatch(gold -> !gold.isEmpty() && text.contains(gold));
    }

    /** Markers dropped, Arabic spelling normalised, lower case, punctuation and spacing as single spaces. */
    static String normalised(String text) {
        String unmarked = MARKER.matcher(text).replaceAll(" ");
        return NOT_LETTER_OR_DIGIT.matcher(ArabicNormalizer.normalize(unmarked).toLowerCase(Locale.ROOT))
                .replaceAll(" ").strip();
    }

    private static double median(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2] / 1e6;
    }
}
