package io.newsqa.archive.lucene;

import io.newsqa.archive.ArchiveInUseException;
import io.newsqa.archive.ArchiveModel;
import io.newsqa.archive.ArchiveOfParts;
import io.newsqa.archive.ArchiveSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The embedded {@link io.newsqa.archive.ArchiveIndex}: a Lucene index in a local folder, opened here and served by
 * one class per port: {@link LuceneWriter}, {@link LuceneSearch}, {@link LuceneCatalog}. See the
 * package docs.
 *
 * <p>Thread-safe: any number of concurrent searches, with writes serialised by the one
 * {@link IndexWriter}. Searches see an article's old or new version, never a mix.
 */
public final class LuceneArchive extends ArchiveOfParts {

    /**
     * Dense search asks HNSW for at least this many neighbours and keeps the best {@code limit}:
     * the approximate graph search finds the true nearest more reliably with a wider beam. The
     * same default as the PostgreSQL archive's {@code hnsw.ef_search}.
     */
    public static final int DEFAULT_EF_SEARCH = 100;

    private final Directory directory;
    private final IndexWriter writer;
    private final IndexSearchers searchers;
    private final ModelStamp model;

    private LuceneArchive(
            Directory directory, IndexWriter writer, IndexSearchers searchers, ModelStamp model, int efSearch) {
        super(
                new LuceneWriter(writer, searchers, model),
                new LuceneSearch(searchers, model, efSearch),
                new LuceneCatalog(searchers));
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.model = model;
    }

    /** Opens the archive with the default HNSW candidate list, see {@link #open(Path, String, int, int)}. */
    public static LuceneArchive open(Path folder, String modelId, int dimension) {
        return open(folder, modelId, dimension, DEFAULT_EF_SEARCH);
    }

    /**
     * Opens the archive in {@code folder}, creating the folder and an empty index when missing.
     *
     * @throws IllegalStateException when the folder holds vectors of another embedding model or
     *                               dimension, another process has the archive open, or the folder
     *                               cannot be written
     * @throws IllegalArgumentException when efSearch is below 1
     */
    public static LuceneArchive open(Path folder, String modelId, int dimension, int efSearch) {
        ArchiveSearch.requireValidEfSearch(efSearch);
        ModelStamp configured = new ModelStamp(modelId, dimension);
        Directory directory = null;
        IndexWriter writer = null;
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            ModelStamp recorded = recordedModel(directory, folder);
            if (recorded != null) {
                recorded.requireSameAs(configured, folder);
            }
            writer = openWriter(directory, folder);
            // Restated on every open so that every later commit carries it.
            writer.setLiveCommitData(configured.toCommitData().entrySet());
            if (recorded == null) {
                writer.commit();
            }
            return new LuceneArchive(directory, writer, new IndexSearchers(writer), configured, efSearch);
        } catch (AccessDeniedException | FileAlreadyExistsException e) {
            closeQuietly(writer, directory);
            throw new IllegalStateException(
                    "The archive folder " + folder + " cannot be written (" + describe(e)
                            + "). Make it a writable folder, or choose another with NEWSQA_DATA_DIR.",
                    e);
        } catch (IOException e) {
            closeQuietly(writer, directory);
            throw new UncheckedIOException("The archive in " + folder + " cannot be opened: " + describe(e), e);
        } catch (RuntimeException e) {
            closeQuietly(writer, directory);
            throw e;
        }
    }

    /** The embedding model the archive in {@code folder} records; empty when the folder holds no archive. */
    public static Optional<ArchiveModel> recordedModel(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Directory directory = FSDirectory.open(folder)) {
            return Optional.ofNullable(recordedModel(directory, folder))
                    .map(stamp -> new ArchiveModel(stamp.modelId(), stamp.dimension()));
        } catch (IOException e) {
            throw new UncheckedIOException("The archive in " + folder + " cannot be read: " + describe(e), e);
        }
    }

    private static ModelStamp recordedModel(Directory directory, Path folder) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return null;
        }
        SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
        ModelStamp recorded = ModelStamp.fromCommitData(commit.getUserData());
        if (recorded == null && commit.totalMaxDoc() > 0) {
            throw new IllegalStateException(
                    "The folder " + folder + " holds a Lucene index that is not a NewsQA archive"
                            + " (it records no embedding model). Choose another folder with NEWSQA_DATA_DIR.");
        }
        return recorded;
    }

    private static IndexWriter openWriter(Directory directory, Path folder) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(ArchiveDocuments.indexAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        try {
            return new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            throw new ArchiveInUseException(folder, e);
        }
    }

    private static String describe(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() != null
                ? fs.getFile() + ": " + fs.getReason()
                : String.valueOf(e.getMessage());
    }

    private static void closeQuietly(IndexWriter writer, Directory directory) {
        try {
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException suppressed) {
            // Already reporting why the archive could not open; that is the error that matters.
        }
    }

    /** The embedding model whose vectors this archive holds. */
    public String modelId() {
        return model.modelId();
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the archive cleanly: " + e.getMessage(), e);
        }
    }
}
