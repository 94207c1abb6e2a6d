package io.newsqa.eval;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.eval.SquadFile.Question;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores each method on a question set: where the gold paragraph ranks for every answerable
 * question, one result row per method, printed as it is made; the misses of the product's
 * searches listed when asked for.
 */
final class SetScoring {

    /** Ranks are computed to this depth: recall@10 and MRR@10. */
    static final int DEPTH = 10;
    /** Suffix of the method name in the rows where a hit on a near copy of the gold paragraph counts. */
    static final String NEAR_COPY_SUFFIX = " (near copy counts)";
    /** The methods whose misses are listed: the product's searches. */
    private static final Set<String> MISSES_OF = Set.of("hybrid", "hybrid+dictionary");

    private final PrintStream progress;
    /** Where the misses of the product's searches are listed; {@code null}: nowhere. */
    private final PrintStream misses;

    SetScoring(PrintStream progress, PrintStream misses) {
        this.progress = progress;
        this.misses = misses;
    }

    /**
     * The answerable questions of the set (SQuAD v2.0's unanswerable ones have no gold paragraph to
     * find). With {@code copiesIn}, each method also gets a row where a hit on a near copy of the
     * gold paragraph ({@link NearCopy}) counts as found, named {@link #NEAR_COPY_SUFFIX}; the strict row stays.
     */
    List<EvalResult> evaluate(
            String kind,
            QuestionSet set,
            List<RetrievalMethod> methods,
            List<String> articleIds,
            ArchiveIndex copiesIn) {
        List<Question> questions = set.answerable();
        List<Set<String>> gold = goldIds(set.corpus(), articleIds);
        Map<String, String> texts = new HashMap<>();
        List<EvalResult> results = new ArrayList<>();
        for (RetrievalMethod method : methods) {
            MethodScore score = new MethodScore(questions.size());
            MethodScore lenient = new MethodScore(questions.size());
            for (Question question : questions) {
                long start = System.nanoTime();
                RetrievalMethod.Ranking ranking = method.rank(question, set.language(), DEPTH);
                long nanos = System.nanoTime() - start;
                Set<String> goldIds = gold.get(question.paragraph());
                int rank = GoldRank.of(ranking, goldIds);
                score.add(rank, nanos);
                int copyRank = rank;
                if (copiesIn != null) {
                    Set<String> found = new HashSet<>(goldIds);
                    for (RankedArticle hit : ranking.articles()) {
                        if (!goldIds.contains(hit.articleId())
                                && NearCopy.holdsAnswerOf(
                                        set.corpus().text(question.paragraph()),
                                        question.answers(),
                                        texts.computeIfAbsent(hit.articleId(), id -> bodyOf(copiesIn, id)))) {
                            found.add(hit.articleId());
                        }
                    }
                    copyRank = GoldRank.of(ranking, found);
                    lenient.add(copyRank, nanos);
                }
                if (misses != null && rank != 1 && MISSES_OF.contains(method.name())) {
                    misses.println(missLine(kind, set, method, question, rank, copyRank, ranking, copiesIn));
                }
            }
            results.add(reported(score.result(kind, set.name(), method.name())));
            if (copiesIn != null) {
                results.add(reported(lenient.result(kind, set.name(), method.name() + NEAR_COPY_SUFFIX)));
            }
        }
        return results;
    }

    /** The result, after printing its row to the progress stream. */
    private EvalResult reported(EvalResult result) {
        progress.printf(
                "%s %s %s: r@1 %.3f r@5 %.3f r@10 %.3f MRR %.3f%n",
                result.archive(),
                result.questionSet(),
                result.method(),
                result.recallAt1(),
                result.recallAt5(),
                result.recallAt10(),
                result.mrr());
        return result;
    }

    private static String bodyOf(ArchiveIndex archive, String articleId) {
        return archive.findArticle(articleId).map(Article::body).orElse("");
    }

    /**
     * One tab-separated line per question whose gold paragraph was not first: where it ranked
     * (0: not in the first ten), where counting near copies, and the first three articles found.
     */
    private static String missLine(
            String kind,
            QuestionSet set,
            RetrievalMethod method,
            Question question,
            int rank,
            int copyRank,
            RetrievalMethod.Ranking ranking,
            ArchiveIndex archive) {
        StringBuilder line = new StringBuilder(String.join(
                "\t",
                kind,
                set.name(),
                method.name(),
                question.id(),
                Integer.toString(rank),
                Integer.toString(copyRank),
                question.text(),
                String.join(" | ", question.answers())));
        ranking.articles().stream().limit(3).forEach(hit -> {
            String shown = hit.articleId();
            if (archive != null) {
                shown = archive.findArticle(hit.articleId())
                        .map(a -> (a.title().isBlank() ? "" : a.title() + ": ")
                                + a.body().strip())
                        .map(t -> t.substring(0, Math.min(120, t.length())).replaceAll("\\s+", " "))
                        .orElse(shown);
            }
            line.append('\t').append(shown);
        });
        return line.toString();
    }

    /** Paragraph index → the ids of the paragraphs with its very text, its own included. */
    private static List<Set<String>> goldIds(SquadFile corpus, List<String> articleIds) {
        Map<String, Set<String>> byText = new LinkedHashMap<>();
        for (int i = 0; i < articleIds.size(); i++) {
            byText.computeIfAbsent(corpus.text(i), t -> new HashSet<>()).add(articleIds.get(i));
        }
        List<Set<String>> gold = new ArrayList<>(articleIds.size());
        for (int i = 0; i < articleIds.size(); i++) {
            gold.add(Set.copyOf(byText.get(corpus.text(i))));
        }
        return gold;
    }
}
