package io.newsqa.eval;

import java.util.List;
import java.util.Set;

/**
 * The rank of the gold article in a ranking, with ties counted against it: an article that scores
 * exactly as much as the gold one is assumed to come first, whatever order the ranker listed them
 * in (otherwise, when twenty paragraphs score the same, the one ingested first would look "found").
 * A paragraph that occurs twice in a file, word for word, is stored twice and either copy is gold:
 * nothing can tell them apart.
 */
public final class GoldRank {

    /** Returned when the gold article is not in the ranking (or only tied with articles cut off). */
    public static final int NOT_FOUND = 0;

    private GoldRank() {}

    public static int of(RetrievalMethod.Ranking ranking, String goldArticleId) {
        return of(ranking, Set.of(goldArticleId));
    }

    /** The rank of the best of the gold articles; the others are not counted against it. */
    public static int of(RetrievalMethod.Ranking ranking, Set<String> goldArticleIds) {
        List<RankedArticle> articles = ranking.articles();
        RankedArticle gold = articles.stream()
                .filter(a -> goldArticleIds.contains(a.articleId()))
                .findFirst()
                .orElse(null);
        if (gold == null) {
            return NOT_FOUND;
        }
        if (ranking.truncated()
                && gold.score() <= articles.get(articles.size() - 1).score()) {
            return NOT_FOUND; // unknown how many articles beyond the cut score the same
        }
        int rank = 1;
        for (RankedArticle other : articles) {
            if (!goldArticleIds.contains(other.articleId()) && other.score() >= gold.score()) {
                rank++;
            }
        }
        return rank;
    }
}
