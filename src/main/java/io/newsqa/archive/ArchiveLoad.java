package io.newsqa.archive;

/**
 * One writer's load into an archive: an ingest run, a copy, a re-embedding. It does two things.
 *
 * <p>It claims articles, so that two application instances ingesting the same files into one
 * archive never embed and store the same article twice: the one that claims an article stores
 * it, the other leaves it. Claims end with {@link #release}, with {@link #close()}, and with the
 * process that held them (a killed ingest leaves nothing claimed).
 *
 * <p>It lets the archive put off work that costs less done once for the whole load than for each
 * article, and do it at {@link #close()}: the PostgreSQL archive builds its vector index after
 * the first load into it instead of inserting every vector into the graph. Searches see every
 * stored article meanwhile, perhaps more slowly.
 */
public interface ArchiveLoad extends AutoCloseable {

    /** For an archive only one process can write (the embedded one locks its folder) and that puts nothing off. */
    ArchiveLoad SINGLE_PROCESS = new ArchiveLoad() {
        @Override
        public boolean tryClaim(String contentHash) {
            return true;
        }

        @Override
        public void release(String contentHash) {}

        @Override
        public void close() {}
    };

    /**
     * @return true when this load may store the article with this text; false while another
     *         load holds it (that one stores it)
     */
    boolean tryClaim(String contentHash);

    void release(String contentHash);

    /**
     * Releases every claim still held and does the work put off during the load. What was stored
     * stays stored if that work fails; the archive then does it the next time it is opened.
     */
    @Override
    void close();
}
