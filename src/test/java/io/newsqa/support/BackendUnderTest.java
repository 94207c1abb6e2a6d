package io.newsqa.support;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.lucene.LuceneArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * One archive backend in a place of a test's own, for {@link EachBackend} tests: the embedded
 * archive in a temporary folder, or PostgreSQL + pgvector in a fresh schema of the test database.
 * Closing it closes the archive it opened last and deletes the folder or drops the schema.
 */
public abstract sealed class BackendUnderTest implements AutoCloseable {

    private ArchiveIndex open;

    /** Opens the archive in this test's place: empty the first time, as left after that. */
    public final ArchiveIndex open(String modelId, int dimension) {
        open = openIn(modelId, dimension);
        return open;
    }

    /** Closes the archive opened last and opens the same one again, as after a restart. */
    public final ArchiveIndex reopen(String modelId, int dimension) {
        closeOpen();
        return open(modelId, dimension);
    }

    /** Closes the archive opened last, if it is still open. */
    public final void closeOpen() {
        if (open != null) {
            open.close();
            open = null;
        }
    }

    /**
     * Makes stored articles look as archives written before articles were linked to stories hold
     * them: with no story recorded (the embedded archive writes none for an article of its own
     * story anyway).
     */
    public abstract void forgetStories(String... articleIds);

    abstract ArchiveIndex openIn(String modelId, int dimension);

    abstract void dropPlace();

    @Override
    public final void close() {
        try {
            closeOpen();
        } finally {
            dropPlace();
        }
    }

    static final class Embedded extends BackendUnderTest {

        private final Path folder;

        Embedded() {
            try {
                folder = Files.createTempDirectory("newsqa-archive-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        ArchiveIndex openIn(String modelId, int dimension) {
            return LuceneArchive.open(folder.resolve("archive"), modelId, dimension);
        }

        @Override
        public void forgetStories(String... articleIds) {}

        @Override
        void dropPlace() {
            try {
                FileSystemUtils.deleteRecursively(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final class Postgres extends BackendUnderTest {

        private final FreshSchemaArchive schema = new FreshSchemaArchive("contract");

        @Override
        ArchiveIndex openIn(String modelId, int dimension) {
            return schema.open(modelId, dimension);
        }

        @Override
        public void forgetStories(String... articleIds) {
            schema.forgetStories(articleIds);
        }

        @Override
        void dropPlace() {
            schema.drop(null);
        }
    }
}
