package io.newsqa.eval;

import io.newsqa.archive.ChunkHit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** Chunk rankings turned into article rankings: an article ranks where its best chunk does. */
final class ArticleRankings {

    private ArticleRankings() {}

    /**
     * @param chunks         chunks best first
     * @param chunksAskedFor how many chunks the ranker was asked for: a full list may have been cut
     */
    static <T> RetrievalMethod.Ranking of(
            List<T> chunks,
            java.util.function.Function<T, String> articleId,
            ToDoubleFunction<T> score,
            int chunksAskedFor) {
        List<RankedArticle> articles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (T chunk : chunks) {
            if (seen.add(articleId.apply(chunk))) {
                articles.add(new RankedArticle(articleId.apply(chunk), score.applyAsDouble(chunk)));
            }
        }
        return new RetrievalMethod.Ranking(articles, chunks.size() >= chunksAskedFor);
    }

    static RetrievalMethod.Ranking ofHits(List<ChunkHit> hits, int chunksAskedFor) {
        return of(hits, hit -> hit.article().id(), ChunkHit::score, chunksAskedFor);
    }
}
