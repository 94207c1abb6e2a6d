package io.newsqa.retrieve;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.postgres.PgVectorArchive;
import io.newsqa.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/** The hybrid search contract on PostgreSQL + pgvector, one fresh schema per test. */
class PgVectorHybridSearchContractTest extends HybridSearchContract {

    private String schema;

    @Override
    protected ArchiveIndex openFresh(String modelId, int dimension) {
        schema = TestDatabase.freshSchemaName("hybrid");
        return PgVectorArchive.open(TestDatabase.pool("hybrid-search-test", 3), true, modelId, dimension, schema);
    }

    @AfterEach
    void dropSchema() {
        // Runs before the base class closes the archive: close it here so no pool outlives the schema.
        if (archive != null) {
            archive.close();
            archive = null;
        }
        if (schema != null) {
            TestDatabase.dropSchema(schema);
        }
    }
}
