package io.newsqa.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ingests article files and folders (recursively). A file that cannot be read or stored is
 * rejected with its reason; the rest of the batch goes on, and nothing stored before is touched.
 */
public final class FileIngest {

    private final ArticleIngestor ingestor;

    public FileIngest(ArticleIngestor ingestor) {
        this.ingestor = ingestor;
    }

    public IngestReport ingest(List<Path> paths) {
        IngestReport report = new IngestReport();
        for (Path path : paths) {
            for (Path file : filesUnder(path, report)) {
                ingestFile(file, report);
            }
        }
        return report;
    }

    private void ingestFile(Path file, IngestReport report) {
        try {
            report.count(ingestor.ingest(PlainTextArticle.read(file)));
        } catch (ArticleReadException e) {
            report.reject(file.toString(), e.getMessage());
        } catch (RuntimeException e) {
            report.reject(file.toString(), "could not be stored: " + e.getMessage());
        }
    }

    /** Regular files under a path in a stable order; hidden files (editor and OS litter) skipped. */
    private static List<Path> filesUnder(Path path, IngestReport report) {
        if (!Files.exists(path)) {
            report.reject(path.toString(), "no such file or folder");
            return List.of();
        }
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = new ArrayList<>();
            walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> !file.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted()
                    .forEach(files::add);
            return files;
        } catch (IOException | UncheckedIOException e) {
            report.reject(path.toString(), "folder could not be read: " + e.getMessage());
            return List.of();
        }
    }
}
