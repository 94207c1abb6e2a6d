package io.newsqa.archive;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The storage port: everything above this package talks to the archive only through it or one of
 * the narrower ports it joins, each taken by who calls it: {@link ArchiveWriter} (ingestion),
 * {@link ArchiveSearch} (questions), {@link ArchiveCatalog} (administration, copying).
 * Implementations: PostgreSQL + pgvector for production, an embedded Lucene store as the
 * zero-setup default. Both pass the contract tests of each port (ArchiveWriterContractTest,
 * ArchiveSearchContractTest, ArchiveCatalogContractTest, ArchiveLifecycleContractTest).
 */
public interface ArchiveIndex extends ArchiveWriter, ArchiveSearch, ArchiveCatalog, AutoCloseable {

    /** Reads every article's date; the archives answer it from their date index. */
    @Override
    default Optional<OffsetDateTime> newestPublication() {
        return RecordedStory.newest(recordedStories());
    }

    @Override
    void close();
}
