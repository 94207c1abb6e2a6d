package io.newsqa.archive;

import java.util.List;
import java.util.Map;

/** The archive as ingestion writes it: articles stored, replaced, removed, linked into stories. */
public interface ArchiveWriter {

    /**
     * Stores an article with its chunks, replacing any article with the same id, atomically:
     * after a crash either the old or the new version is stored, never a mix.
     *
     * @throws IllegalArgumentException when a chunk belongs to another article or its vector has
     *                                  the wrong dimension
     */
    void put(Article article, List<Chunk> chunks);

    /**
     * Stores several articles as {@link #put} does, each one atomically, with one durable write
     * for the group (one Lucene commit, one database transaction) rather than one per article:
     * bulk ingestion spends far less on commits, and the embedded index gets segments large
     * enough not to be merged over and over. After a crash each article of the group is stored
     * whole or not at all (all of them, or none, in practice); either way re-ingesting it stores
     * it exactly once. Nothing is written when an article fails the checks of {@link #put}.
     *
     * @throws IllegalArgumentException as {@link #put}, naming the article
     */
    void putAll(List<StoredArticle> articles);

    /** Removes an article and its chunks; returns whether it existed. */
    boolean delete(String articleId);

    /**
     * Sets the story of stored articles in place ({@code newsqa link-stories}): each keeps its
     * text, chunks, vectors and time of storing as they are, nothing is embedded again, and
     * searches see the new story as soon as this returns. One durable write for the group (a
     * Lucene commit, a database transaction): after a crash all of it is recorded or none.
     * Ids not stored, and articles whose story already is the one given (one with no story
     * recorded is its own), are left as they are.
     *
     * @param storyByArticle the story (an article id) to set, by article id
     * @return how many articles changed
     */
    int setStories(Map<String, String> storyByArticle);

    /**
     * Starts a load (an ingest run, a copy): its claims are shared with every other process
     * writing this archive, and what it puts off is done when it is closed at the load's end.
     */
    default ArchiveLoad startLoad() {
        return ArchiveLoad.SINGLE_PROCESS;
    }
}
