package io.newsqa.retrieve;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.lucene.LuceneArchive;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The hybrid search contract on the embedded Lucene archive. */
class LuceneHybridSearchContractTest extends HybridSearchContract {

    @TempDir
    Path folder;

    @Override
    protected ArchiveIndex openFresh(String modelId, int dimension) {
        return LuceneArchive.open(folder.resolve("archive"), modelId, dimension);
    }
}
