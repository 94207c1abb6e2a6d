package io.newsqa.archive.postgres;

import io.newsqa.archive.ArchiveContractTest;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/** The archive contract against the real PostgreSQL + pgvector, one fresh schema per test. */
class PgVectorArchiveContractTest extends ArchiveContractTest {

    private String schema;

    @Override
    protected ArchiveIndex openFresh(String modelId, int dimension) {
        schema = TestDatabase.freshSchemaName("contract");
        return PgVectorArchive.open(TestDatabase.pool("pgarchive-test", 3), true, modelId, dimension, schema);
    }

    @Override
    protected ArchiveIndex reopen(String modelId, int dimension) {
        return PgVectorArchive.open(TestDatabase.pool("pgarchive-test", 3), true, modelId, dimension, schema);
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
