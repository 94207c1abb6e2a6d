package io.newsqa.archive.backend;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveModel;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.archive.postgres.PgVectorArchive;
import java.util.Optional;

/**
 * The one place that turns a location into an archive: the server, {@code copy-archive},
 * {@code reembed}, {@code eval} and the benchmarks all open theirs here, so that a backend is
 * chosen, and tuned, the same way everywhere.
 */
public final class ArchiveBackends {

    /**
     * What an archive may be tuned with; both backends take the same settings.
     *
     * @param efSearch candidates an HNSW search visits (recall against latency)
     * @param indexBuildMemoryMb PostgreSQL's {@code maintenance_work_mem} for building the vector
     *     index after a first load (the embedded archive needs none)
     */
    public record Tuning(int efSearch, int indexBuildMemoryMb) {
        public static final Tuning DEFAULT =
                new Tuning(PgVectorArchive.DEFAULT_EF_SEARCH, PgVectorArchive.DEFAULT_INDEX_BUILD_MEMORY_MB);
    }

    private ArchiveBackends() {}

    /** Opens (creating when empty) the archive at this location with the default tuning. */
    public static ArchiveIndex open(ArchiveLocation location, ArchiveModel model) {
        return open(location, model, Tuning.DEFAULT);
    }

    /**
     * Opens (creating when empty) the archive at this location for this embedding model.
     *
     * @throws IllegalStateException when the archive there was made with another model
     */
    public static ArchiveIndex open(ArchiveLocation location, ArchiveModel model, Tuning tuning) {
        if (location instanceof ArchiveLocation.Folder folder) {
            return LuceneArchive.open(folder.path(), model.modelId(), model.dimension(), tuning.efSearch());
        }
        ArchiveLocation.Schema schema = (ArchiveLocation.Schema) location;
        return PgVectorArchive.open(
                schema.dataSource(),
                false,
                model.modelId(),
                model.dimension(),
                schema.name(),
                tuning.efSearch(),
                tuning.indexBuildMemoryMb());
    }

    /** The embedding model the archive at this location records; empty when there is no archive yet. */
    public static Optional<ArchiveModel> recordedModel(ArchiveLocation location) {
        if (location instanceof ArchiveLocation.Folder folder) {
            return LuceneArchive.recordedModel(folder.path());
        }
        ArchiveLocation.Schema schema = (ArchiveLocation.Schema) location;
        return PgVectorArchive.recordedModel(schema.dataSource(), schema.name());
    }
}
