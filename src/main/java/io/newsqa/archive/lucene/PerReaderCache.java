package io.newsqa.archive.lucene;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * What searches read from stored documents (articles' headers for hits, bodies for answers),
 * kept per index reader by article id. Reading a stored document decompresses its block, and that
 * was the largest single cost of a search under load: a quarter of the server's CPU samples with
 * 32 clients on 20k chunks (JFR, docs/results/2026-11-29-load.md). A reader is a point-in-time
 * view that never changes, so a value read through it stays right for as long as searches use that
 * reader; the first search on a new reader (after a write) starts an empty cache and the old one is
 * dropped.
 *
 * @param <V> what is kept per article
 */
final class PerReaderCache<V> {

    private record Generation<V>(IndexReader.CacheKey reader, Map<String, V> values) {}

    private final int capacity;
    private volatile Generation<V> current = new Generation<>(null, Map.of());

    /** @param capacity values kept per reader at most (a bound on the memory) */
    PerReaderCache(int capacity) {
        this.capacity = capacity;
    }

    /** The value of an article read through {@code searcher}, {@code read} when not kept. */
    V get(IndexSearcher searcher, String articleId, Function<String, V> read) {
        Map<String, V> values = values(searcher);
        if (values == null) {
            return read.apply(articleId);
        }
        V value = values.get(articleId);
        if (value == null) {
            value = read.apply(articleId);
            keep(values, articleId, value);
        }
        return value;
    }

    /** The values kept for {@code searcher}'s reader, {@code null} when it cannot be cached. */
    Map<String, V> values(IndexSearcher searcher) {
        IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
        if (helper == null) {
            return null; // a reader that cannot say it is the same one: no cache
        }
        Generation<V> generation = current;
        if (generation.reader() != helper.getKey()) {
            generation = new Generation<>(helper.getKey(), new ConcurrentHashMap<>());
            current = generation;
        }
        return generation.values();
    }

    /** Keeps a value read through the reader whose {@link #values} these are, while there is room. */
    void keep(Map<String, V> values, String articleId, V value) {
        if (values.size() < capacity) {
            values.put(articleId, value);
        }
    }
}
