package io.newsqa.ingest.dedupe;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.lucene.LuceneArchive;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LuceneStoryUpdatesTest extends StoryUpdatesContract {

    @TempDir
    Path folder;

    @Override
    protected ArchiveIndex openFresh(String modelId, int dimension) {
        return LuceneArchive.open(folder.resolve("archive"), modelId, dimension);
    }
}
