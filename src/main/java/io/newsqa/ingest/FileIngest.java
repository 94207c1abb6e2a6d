package io.newsqa.ingest;

import io.newsqa.ingest.source.SourceReaders;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Ingests files, folders (recursively) and URLs of any kind the {@link SourceReaders} know. An
 * item that cannot be read or stored is rejected with its reason; the rest of the batch goes on,
 * and nothing stored before is touched.
 */
public final class FileIngest {

    private final ArticleIngestor ingestor;
    private final SourceReaders readers;

    public FileIngest(ArticleIngestor ingestor, SourceReaders readers) {
        this.ingestor = ingestor;
        this.readers = readers;
    }

    public IngestReport ingest(List<Path> paths) {
        return ingestSources(paths.stream().map(Path::toString).toList(), run -> {}, bytes -> {});
    }

    /**
     * @param onStart   handed the run as it starts, for a progress display
     * @param bytesRead told how many bytes of input files were read, as they are read
     */
    public IngestReport ingestSources(List<String> inputs, Consumer<IngestRun> onStart, LongConsumer bytesRead) {
        IngestReport report = new IngestReport();
        try (IngestRun run = ingestor.startRun(report)) {
            onStart.accept(run);
            readers.read(inputs, run, bytesRead);
        }
        return report;
    }

    /** Bytes of the input files, the progress total. */
    public long totalBytes(List<String> inputs) {
        return readers.totalBytes(inputs);
    }
}
