package io.newsqa.ingest;

import io.newsqa.text.DebrisCleaner;
import io.newsqa.text.LanguageDetection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an article from a plain-text file the way a reader copies one from a news site: the
 * headline on the first line, then the body (see the seed article).
 *
 * <p>An optional front matter block gives what plain text cannot carry:
 * <pre>
 * ---
 * title: Tram line opens in June
 * url: https://example.org/tram
 * source: City Desk
 * published: 2025-05-01T09:00:00+02:00   (or a plain date, taken as midnight UTC)
 * language: en
 * ---
 * </pre>
 */
public final class PlainTextArticle {

    /** Larger files are not single articles; dumps go through the dump readers. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    private PlainTextArticle() {
    }

    public static ParsedArticle read(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ArticleReadException(file + ": " + size + " bytes is over the " + MAX_FILE_BYTES
                        + "-byte limit for one article file; split it or ingest it as a dump");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ArticleReadException(file + ": no such file");
        } catch (IOException e) {
            throw new ArticleReadException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return read(file.toString(), bytes);
    }

    /**
     * Reads an article from the bytes of a file or archive entry called {@code name}.
     *
     * @throws ArticleReadException naming it when the bytes are not UTF-8 article text
     */
    public static ParsedArticle read(String name, byte[] bytes) {
        if (looksBinary(bytes)) {
            throw new ArticleReadException(name + ": looks like a binary file, not article text");
        }
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ArticleReadException(name + ": not valid UTF-8 text; convert it first (for example: iconv -f WINDOWS-1256 -t UTF-8)");
        }
        try {
            return parse(content);
        } catch (IllegalArgumentException e) {
            throw new ArticleReadException(name + ": " + e.getMessage(), e);
        }
    }

    /** NUL bytes, or many control characters, do not occur in text. */
    static boolean looksBinary(byte[] bytes) {
        int sample = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return sample > 0 && control * 20 > sample;
    }

    /**
     * Parses file content.
     *
     * @throws IllegalArgumentException when there is no title and body, or the front matter is invalid
     */
    public static ParsedArticle parse(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        Map<String, String> meta = new HashMap<>();
        String stripped = text.stripLeading();
        if (stripped.startsWith("---")) {
            int close = stripped.indexOf("\n---", 3);
            if (close < 0) {
                throw new IllegalArgumentException("front matter opened with --- is never closed by a --- line");
            }
            for (String line : stripped.substring(stripped.indexOf('\n') + 1, close).split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("front matter line \"" + line.strip() + "\" is not \"key: value\"");
                }
                meta.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            int afterClose = stripped.indexOf('\n', close + 1);
            text = afterClose < 0 ? "" : stripped.substring(afterClose + 1);
        }
        String cleaned = DebrisCleaner.clean(text);
        if (cleaned.isBlank()) {
            throw new IllegalArgumentException("the file is empty: no article text");
        }
        String title = blankToNull(meta.get("title"));
        String body = cleaned;
        if (title == null) {
            int end = cleaned.indexOf("\n\n");
            if (end < 0) {
                throw new IllegalArgumentException("only a title line, no article body");
            }
            title = cleaned.substring(0, end).strip();
            body = cleaned.substring(end + 2).strip();
        }
        if (body.isBlank()) {
            throw new IllegalArgumentException("only a title line, no article body");
        }
        String language = blankToNull(meta.get("language"));
        return new ParsedArticle(title, body, blankToNull(meta.get("url")), blankToNull(meta.get("source")),
                published(meta.get("published")), language != null ? language : LanguageDetection.detect(title + "\n" + body));
    }

    private static OffsetDateTime published(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException("published: \"" + value
                        + "\" is not a date; write 2025-08-02T14:30:00+03:00 or 2025-08-02");
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
