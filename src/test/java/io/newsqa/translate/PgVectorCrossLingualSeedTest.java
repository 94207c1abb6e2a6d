package io.newsqa.translate;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.support.FreshSchemaArchive;

/** The seed question over the PostgreSQL archive, in a schema of its own. */
class PgVectorCrossLingualSeedTest extends CrossLingualSeedContract {

    private final FreshSchemaArchive schema = new FreshSchemaArchive("seed_xl");

    @Override
    ArchiveIndex openArchive(String modelId, int dimension) {
        return schema.open(modelId, dimension);
    }

    @Override
    void dropArchive(ArchiveIndex archive) {
        schema.drop(archive);
    }
}
