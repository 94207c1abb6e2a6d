package io.newsqa.archive.postgres;

import io.newsqa.archive.ArchiveContractTest;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.support.FreshSchemaArchive;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The archive contract against the real PostgreSQL + pgvector, one fresh schema per test. */
class PgVectorArchiveContractTest extends ArchiveContractTest {

    private FreshSchemaArchive schema;

    @Override
    protected ArchiveIndex openFresh(String modelId, int dimension) {
        schema = new FreshSchemaArchive("contract");
        return schema.open(modelId, dimension);
    }

    @Override
    protected ArchiveIndex reopen(String modelId, int dimension) {
        return schema.open(modelId, dimension);
    }

    @Override
    protected void storeAsBeforeStories(Article article, List<Chunk> chunks) {
        archive.put(article, chunks);
        schema.forgetStories(article.id());
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
