package io.newsqa.ingest.dedupe;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.support.FreshSchemaArchive;
import org.junit.jupiter.api.AfterEach;

/** Story updates on PostgreSQL + pgvector, one fresh schema per test. */
class PgVectorStoryUpdatesTest extends StoryUpdatesContract {

    private FreshSchemaArchive schema;

    @Override
    protected ArchiveIndex openFresh(String modelId, int dimension) {
        schema = new FreshSchemaArchive("updates");
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
