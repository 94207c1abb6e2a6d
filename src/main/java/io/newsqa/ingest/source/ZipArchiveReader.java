package io.newsqa.ingest.source;

import io.newsqa.ingest.article.ArticleReadException;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * ZIP archives of any of the other kinds (SaudiNewsNet: one ZIP per day holding one JSON array).
 * Entries are streamed one after another, never unpacked to disk; an entry that cannot be read is
 * rejected by its path and the next one is read.
 */
public final class ZipArchiveReader implements SourceReader {

    private final SourceReaders readers;

    ZipArchiveReader(SourceReaders readers) {
        this.readers = readers;
    }

    @Override
    public boolean reads(SourceDocument document) {
        return document.mediaType().equals("application/zip")
                || document.extension().equals("zip");
    }

    @Override
    public void read(SourceDocument document, ArticleSink sink) throws IOException {
        int entries = 0;
        // A ZIP inside a ZIP reads the outer entry's stream, which the outer archive goes on reading.
        try (ZipInputStream zip = new ZipInputStream(new UncloseableStream(document.content()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || isHidden(name)) {
                    continue;
                }
                entries++;
                readers.readDocument(new SourceDocument(document.name() + "!" + name, null, zip), sink);
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ArticleReadException(
                    document.name() + ": damaged ZIP archive after " + entries + " entries (" + e.getMessage() + ")",
                    e);
        } catch (IllegalArgumentException e) {
            // ZipInputStream's word for an entry name that is not UTF-8 (found by fuzzing).
            throw new ArticleReadException(
                    document.name() + ": entry " + (entries + 1) + " has a name that is not UTF-8"
                            + " (a damaged archive, or one written with another encoding); the entries before it were read",
                    e);
        }
        if (entries == 0) {
            throw new ArticleReadException(document.name() + ": not a ZIP archive, or an empty one");
        }
    }

    /** macOS and editor litter such as __MACOSX/ and .DS_Store. */
    private static boolean isHidden(String entryName) {
        String fileName = entryName.substring(entryName.lastIndexOf('/') + 1);
        return entryName.startsWith("__MACOSX/") || fileName.startsWith(".");
    }
}
