package io.newsqa.ingest.dedupe;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.lucene.LuceneArchive;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class LuceneStoryBackfillTest extends StoryBackfillContract {

    @TempDir
    Path folder;

    @Override
    protected ArchiveIndex openFresh(String modelId, int dimension) {
        return LuceneArchive.open(folder.resolve("archive"), modelId, dimension);
    }

    /** The embedded archive writes no story for an article of its own, as before stories existed. */
    @Override
    protected void storeAsBeforeStories(Article article, List<Chunk> chunks) {
        archive.put(article, chunks);
    }
}
