package io.newsqa.ingest.source;

import io.newsqa.ingest.article.ArticleReadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Picks the reader for each input: a URL is fetched and read by its content type, a folder is
 * walked, a file is read by its extension; ZIP entries come back here by their names. Whatever
 * fails is rejected by name and the next input is read.
 */
public final class SourceReaders {

    private final List<SourceReader> readers;
    private final UrlFetcher fetcher;

    /** Readers that fetch URLs from public addresses only. */
    public SourceReaders(FieldMapping fields, Duration fetchTimeout) {
        this(fields, fetchTimeout, FetchAddressPolicy.publicOnly());
    }

    public SourceReaders(FieldMapping fields, Duration fetchTimeout, FetchAddressPolicy addresses) {
        this.fetcher = new UrlFetcher(fetchTimeout, addresses);
        this.readers = List.of(
                new ZipArchiveReader(this),
                new JsonDumpReader(fields),
                new FeedReader(),
                new HtmlPageReader(fields.zone()),
                new PlainTextReader());
    }

    /** Whether an input names a web address rather than a file. */
    public static boolean isUrl(String input) {
        return input.startsWith("http://") || input.startsWith("https://");
    }

    /** Regular files under the inputs that are paths, for the progress total. */
    public long totalBytes(List<String> inputs) {
        long total = 0;
        for (String input : inputs) {
            if (!isUrl(input)) {
                for (Path file : filesUnder(Path.of(input))) {
                    try {
                        total += Files.size(file);
                    } catch (IOException ignored) {
                        // reported when the file is read
                    }
                }
            }
        }
        return total;
    }

    /**
     * Reads every input in order.
     *
     * @param bytesRead told how many bytes of files were read, as they are read
     */
    public void read(List<String> inputs, ArticleSink sink, LongConsumer bytesRead) {
        for (String input : inputs) {
            if (sink.stopped()) {
                return;
            }
            if (isUrl(input)) {
                readUrl(input, sink);
            } else {
                readPath(Path.of(input), sink, bytesRead);
            }
        }
    }

    private void readUrl(String url, ArticleSink sink) {
        try {
            UrlFetcher.Fetched fetched = fetcher.fetch(url);
            try (InputStream body = fetched.body()) {
                readDocument(new SourceDocument(url, fetched.contentType(), body), sink);
            }
        } catch (ArticleReadException e) {
            sink.reject(url, e.getMessage());
        } catch (IOException e) {
            sink.reject(url, "could not be read: " + e.getMessage());
        }
    }

    private void readPath(Path path, ArticleSink sink, LongConsumer bytesRead) {
        if (!Files.exists(path)) {
            sink.reject(path.toString(), "no such file or folder");
            return;
        }
        List<Path> files;
        try {
            files = filesUnder(path);
        } catch (UncheckedIOException e) {
            sink.reject(path.toString(), "folder could not be read: " + e.getMessage());
            return;
        }
        for (Path file : files) {
            if (sink.stopped()) {
                return;
            }
            try (InputStream in = new CountingInputStream(Files.newInputStream(file), bytesRead)) {
                readDocument(new SourceDocument(file.toString(), null, in), sink);
            } catch (NoSuchFileException e) {
                sink.reject(file.toString(), "no such file");
            } catch (IOException e) {
                sink.reject(file.toString(), "cannot be read: " + e.getMessage());
            }
        }
    }

    /** Reads one document with the reader for its kind; failures of the whole document are rejected by its name. */
    void readDocument(SourceDocument document, ArticleSink sink) {
        SourceReader reader =
                readers.stream().filter(r -> r.reads(document)).findFirst().orElse(null);
        if (reader == null) {
            sink.reject(
                    document.name(),
                    "unknown kind of file" + (document.contentType() == null ? "" : " (" + document.contentType() + ")")
                            + "; expected .txt, .json, .jsonl, .zip, .rss, .atom, .xml or .html");
            return;
        }
        try {
            reader.read(document, sink);
        } catch (ArticleReadException e) {
            sink.reject(document.name(), stripName(e.getMessage(), document.name()));
        } catch (IOException | UncheckedIOException e) {
            sink.reject(document.name(), "cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            sink.reject(document.name(), "could not be read (" + e + ")");
        }
    }

    /** Messages start with the item's name for readers used alone; the report names it already. */
    private static String stripName(String message, String name) {
        return message != null && message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message;
    }

    /** Regular files under a path in a stable order; hidden files (editor and OS litter) skipped. */
    private static List<Path> filesUnder(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = new ArrayList<>();
            walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> !file.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted()
                    .forEach(files::add);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tells the progress display how far through its files a run is. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private final LongConsumer bytesRead;

        CountingInputStream(InputStream in, LongConsumer bytesRead) {
            super(in);
            this.bytesRead = bytesRead;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bytesRead.accept(n);
            }
            return n;
        }
    }
}
