package io.newsqa.archive.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * The point-in-time views searches and scans read through, refreshed after each commit of the
 * one writer. A view is held for one action and released after it.
 */
final class IndexSearchers implements AutoCloseable {

    interface SearchAction<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private final SearcherManager manager;

    IndexSearchers(IndexWriter writer) throws IOException {
        this.manager = new SearcherManager(writer, null);
    }

    <T> T withSearcher(SearchAction<T> action) {
        try {
            IndexSearcher searcher = manager.acquire();
            try {
                return action.run(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("archive search failed: " + e.getMessage(), e);
        }
    }

    /** After a commit: later actions see it. */
    void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    /** Lucene sizes its result queue by the limit; no search can return more than the index holds. */
    static int cappedToIndexSize(int limit, IndexSearcher searcher) {
        return Math.max(1, Math.min(limit, searcher.getIndexReader().maxDoc()));
    }

    @Override
    public void close() throws IOException {
        manager.close();
    }
}
