package io.newsqa.archive.lucene;

import io.newsqa.archive.ArticleHeader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * The articles of search hits (without bodies), read once per index reader. Every hit carries its
 * article, and reading it (a stored document, decompressed) was the largest single cost of a
 * search under load: a quarter of the server's CPU samples with 32 clients on 20k chunks (JFR,
 * docs/results/2026-11-29-load.md). A reader is a point-in-time view that never changes, so an article read
 * through it stays right for as long as searches use that reader; the first search on a new reader
 * (after a write) starts an empty cache and the old one is dropped.
 */
final class HitArticles {

    private record Generation(IndexReader.CacheKey reader, Map<String, ArticleHeader> articles) {}

    private final int capacity;
    private volatile Generation current = new Generation(null, Map.of());

    /** @param capacity articles kept per reader at most (a bound on the memory) */
    HitArticles(int capacity) {
        this.capacity = capacity;
    }

    ArticleHeader get(IndexSearcher searcher, String articleId, Function<String, ArticleHeader> read) {
        IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
        if (helper == null) {
            return read.apply(articleId); // a reader that cannot say it is the same one: no cache
        }
        Generation generation = current;
        if (generation.reader() != helper.getKey()) {
            generation = new Generation(helper.getKey(), new ConcurrentHashMap<>());
            current = generation;
        }
        ArticleHeader article = generation.articles().get(articleId);
        if (article == null) {
            article = read.apply(articleId);
            if (generation.articles().size() < capacity) {
                generation.articles().put(articleId, article);
            }
        }
        return article;
    }
}
