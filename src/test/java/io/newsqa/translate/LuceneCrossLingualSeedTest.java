package io.newsqa.translate;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.lucene.LuceneArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/** The seed question over the embedded archive. */
class LuceneCrossLingualSeedTest extends CrossLingualSeedContract {

    private Path folder;

    @Override
    ArchiveIndex openArchive(String modelId, int dimension) {
        try {
            folder = Files.createTempDirectory("newsqa-seed-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LuceneArchive.open(folder, modelId, dimension);
    }

    @Override
    void dropArchive(ArchiveIndex archive) {
        archive.close();
        FileSystemUtils.deleteRecursively(folder.toFile());
    }
}
