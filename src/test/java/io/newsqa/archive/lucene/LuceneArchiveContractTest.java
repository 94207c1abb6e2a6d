package io.newsqa.archive.lucene;

import io.newsqa.archive.ArchiveContractTest;
import io.newsqa.archive.ArchiveIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LuceneArchiveContractTest extends ArchiveContractTest {

    @TempDir
    Path folder;

    @Override
    protected ArchiveIndex openFresh(String modelId, int dimension) {
        return LuceneArchive.open(folder.resolve("archive"), modelId, dimension);
    }

    @Override
    protected ArchiveIndex reopen(String modelId, int dimension) {
        return LuceneArchive.open(folder.resolve("archive"), modelId, dimension);
    }
}
