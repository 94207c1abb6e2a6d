package io.newsqa.archive;

/**
 * A chunk found by a search, with the article it belongs to.
 *
 * @param article the chunk's article, without its body
 * @param ordinal the chunk's position in the article
 * @param text    the chunk's text
 * @param score   the ranker's score: cosine similarity for dense search, BM25 or ts_rank for
 *                lexical search; higher is better, comparable only within one result list
 */
public record ChunkHit(ArticleHeader article, int ordinal, String text, double score) {

    /** A hit on a chunk of this article, which it describes without the body. */
    public ChunkHit(Article article, int ordinal, String text, double score) {
        this(article.header(), ordinal, text, score);
    }

    /** Identity of the chunk across result lists, used when fusing rankings. */
    public String key() {
        return article.id() + "#" + ordinal;
    }
}
