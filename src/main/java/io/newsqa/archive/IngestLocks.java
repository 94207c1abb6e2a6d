package io.newsqa.archive;

/**
 * Claims on articles being ingested, so that two application instances ingesting the same files
 * into one archive never embed and store the same article twice: the one that claims an article
 * stores it, the other leaves it. Claims end with {@link #release} or {@link #close()}, and with
 * the process that held them (a killed ingest leaves nothing claimed).
 */
public interface IngestLocks extends AutoCloseable {

    /** For an archive only one process can write (the embedded one locks its folder). */
    IngestLocks SINGLE_PROCESS = new IngestLocks() {
        @Override
        public boolean tryClaim(String contentHash) {
            return true;
        }

        @Override
        public void release(String contentHash) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * @return true when this run may store the article with this text; false while another
     *         ingest holds it (that one stores it)
     */
    boolean tryClaim(String contentHash);

    void release(String contentHash);

    /** Releases every claim still held. */
    @Override
    void close();
}
