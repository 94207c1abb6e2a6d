package io.newsqa.archive.postgres;

import io.newsqa.archive.ArchiveModel;
import io.newsqa.archive.ArchiveOfParts;
import io.newsqa.archive.ArchiveSearch;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The archive in PostgreSQL: chunk vectors in a pgvector column with an HNSW index (cosine),
 * chunk text in a {@code tsvector} column with a GIN index, analysed with the text-search
 * configuration of the article's language after Arabic spelling normalisation.
 *
 * <p>Every statement binds its values as parameters. The only text put into SQL is the schema
 * name, which {@link ArchiveSchema} restricts to a plain identifier.
 *
 * <p>Opened here, served by one class per port: {@link PgWriter}, {@link PgSearch} (its statements
 * in {@code .sql} files, {@link ArchiveSql}), {@link PgCatalog}, all borrowing connections through
 * {@link ArchiveConnections}.
 *
 * <p>The pool: {@link #open(DataSource, boolean, String, int, String)} says whether the archive
 * owns the {@link DataSource}. An owned one is closed by {@link #close()} (and when opening
 * fails); a borrowed one is left open for its owner.
 */
public final class PgVectorArchive extends ArchiveOfParts {

    /** HNSW candidate list per query: pgvector's default of 40 loses recall on larger archives. */
    public static final int DEFAULT_EF_SEARCH = 100;

    /**
     * Memory for building the vector index after a load: an HNSW graph of 384-dimension vectors
     * takes about 2 KB per chunk, so 1 GB holds half a million chunks.
     */
    public static final int DEFAULT_INDEX_BUILD_MEMORY_MB = 1024;

    private final ArchiveConnections db;

    private PgVectorArchive(
            ArchiveConnections db, int dimension, ArchiveSchema schema, int efSearch, int indexBuildMemoryMb) {
        super(
                new PgWriter(db, schema, dimension, indexBuildMemoryMb),
                new PgSearch(db, schema, dimension, efSearch),
                new PgCatalog(db, schema));
        this.db = db;
    }

    /**
     * Opens the archive in a schema, creating or upgrading its tables.
     *
     * @param dataSource     connections to a PostgreSQL database with the {@code vector} extension;
     *                       a pool must lend at least two at once while opening (Flyway holds one
     *                       for its lock and migrates on another)
     * @param ownsDataSource whether {@link #close()} closes the data source (when it is
     *                       {@link AutoCloseable}, as {@code HikariDataSource} is)
     * @param modelId        the embedding model the vectors come from; recorded on first use
     * @param dimension      the model's vector size
     * @param schema         the schema holding the tables (created if missing), e.g. {@code public}
     * @throws IllegalStateException    when the archive was filled by another model or dimension,
     *                                  or pgvector is missing
     * @throws IllegalArgumentException when the schema name, model id or dimension is unusable
     */
    public static PgVectorArchive open(
            DataSource dataSource, boolean ownsDataSource, String modelId, int dimension, String schema) {
        return open(dataSource, ownsDataSource, modelId, dimension, schema, DEFAULT_EF_SEARCH);
    }

    /**
     * Like {@link #open(DataSource, boolean, String, int, String)} with the HNSW candidate list
     * size ({@code hnsw.ef_search}) of dense searches.
     *
     * @throws IllegalArgumentException also when efSearch is below 1
     */
    public static PgVectorArchive open(
            DataSource dataSource, boolean ownsDataSource, String modelId, int dimension, String schema, int efSearch) {
        return open(dataSource, ownsDataSource, modelId, dimension, schema, efSearch, DEFAULT_INDEX_BUILD_MEMORY_MB);
    }

    /**
     * Like {@link #open(DataSource, boolean, String, int, String, int)} with the memory
     * ({@code maintenance_work_mem}) for building the vector index after a load into an empty
     * archive ({@link #startLoad()}); opening builds it too when a load was killed before it could.
     *
     * @throws IllegalArgumentException also when indexBuildMemoryMb is below 64
     */
    public static PgVectorArchive open(
            DataSource dataSource,
            boolean ownsDataSource,
            String modelId,
            int dimension,
            String schema,
            int efSearch,
            int indexBuildMemoryMb) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            ArchiveSearch.requireValidEfSearch(efSearch);
            if (indexBuildMemoryMb < 64) {
                throw new IllegalArgumentException(
                        "The memory for building the vector index must be at least 64 MB (got " + indexBuildMemoryMb
                                + " MB); set newsqa.db.index-build-memory, e.g. 1GB");
            }
            if (modelId == null || modelId.isBlank()) {
                throw new IllegalArgumentException("The embedding model id must not be blank");
            }
            if (dimension < 1 || dimension > ArchiveSchema.MAX_INDEXED_DIMENSION) {
                throw new IllegalArgumentException(
                        "Vector dimension " + dimension + " is not supported: pgvector's HNSW" + " index takes 1 to "
                                + ArchiveSchema.MAX_INDEXED_DIMENSION + " dimensions.");
            }
            ArchiveSchema archiveSchema = new ArchiveSchema(dataSource, schema);
            archiveSchema.prepare(modelId, dimension);
            DeferredVectorIndex.buildIfAbandoned(dataSource, archiveSchema, indexBuildMemoryMb);
            MissingTitles.fill(dataSource, archiveSchema);
            return new PgVectorArchive(
                    new ArchiveConnections(dataSource, ownsDataSource),
                    dimension,
                    archiveSchema,
                    efSearch,
                    indexBuildMemoryMb);
        } catch (RuntimeException e) {
            if (ownsDataSource) {
                closeQuietly(dataSource, e);
            }
            throw e;
        }
    }

    /** The embedding model the archive in {@code schema} records; empty when the schema holds no archive. */
    public static Optional<ArchiveModel> recordedModel(DataSource dataSource, String schema) {
        return new ArchiveSchema(dataSource, schema).recordedModel();
    }

    /** Opens the archive in the {@code public} schema with a data source its caller keeps owning. */
    public static PgVectorArchive open(DataSource dataSource, String modelId, int dimension) {
        return open(dataSource, false, modelId, dimension, "public");
    }

    @Override
    public void close() {
        db.close();
    }

    private static void closeQuietly(DataSource dataSource, RuntimeException failure) {
        if (dataSource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
