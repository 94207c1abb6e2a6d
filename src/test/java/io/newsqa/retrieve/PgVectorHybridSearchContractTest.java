package io.newsqa.retrieve;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.support.FreshSchemaArchive;
import org.junit.jupiter.api.AfterEach;

/** The hybrid search contract on PostgreSQL + pgvector, one fresh schema per test. */
class PgVectorHybridSearchContractTest extends HybridSearchContract {

    private FreshSchemaArchive schema;

    @Override
    protected ArchiveIndex openFresh(String modelId, int dimension) {
        schema = new FreshSchemaArchive("hybrid");
        return schema.open(modelId, dimension);
    }

    @AfterEach
    void dropSchema() {
        // Runs before the base class closes the archive.
        if (schema != null) {
            schema.drop(archive);
            archive = null;
        }
    }
}
