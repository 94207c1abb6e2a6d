package io.newsqa.archive;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The archive as administration and copying read it: articles by id and hash, pages, counts, a full scan. */
public interface ArchiveCatalog {

    Optional<Article> findArticle(String id);

    /** The stored article whose cleaned body has this SHA-256, if any. */
    Optional<Article> findByContentHash(String contentHash);

    ArchiveStats stats();

    /**
     * A page of the stored articles, the most recently stored first (ties by id), for
     * administration; page through with {@code offset} and the total in {@link #stats()}.
     *
     * @param offset how many articles to skip, at least 0
     * @param limit  how many to return at most, at least 0
     * @throws IllegalArgumentException when offset or limit is negative
     */
    List<ArticleSummary> listArticles(int offset, int limit);

    /** The argument rule of {@link #listArticles}, shared by the implementations. */
    static void requireValidPage(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException(
                    "offset and limit must not be negative (got " + offset + ", " + limit + ")");
        }
    }

    /**
     * Hands every stored article with its chunks and their stored vectors to {@code action}, one
     * at a time (the archive is never held in memory whole), for copying it into another archive
     * ({@code newsqa copy-archive}) or reading all vectors (exact search in {@code bench-search}).
     * Articles stored while it runs may or may not be seen.
     */
    void forEachArticle(Consumer<StoredArticle> action);

    /**
     * Every stored article's publication time and recorded story (see {@link RecordedStory}), in
     * no particular order: a few dozen bytes per article, bodies are not read.
     */
    List<RecordedStory> recordedStories();

    /** Articles per language and per source. */
    ArchiveFacets facets();
}
