package io.newsqa.ingest.article;

import io.newsqa.text.DebrisCleaner;
import io.newsqa.text.LanguageDetection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an article from a plain-text file the way a reader copies one from a news site: the
 * headline on the first line, then the body (see the seed article). Page debris is removed by
 * {@link DebrisCleaner} first, so a breaking-news tag above the headline is not taken for it.
 *
 * <p>An optional front matter block gives what plain text cannot carry:
 * <pre>
 * ---
 * title: Tram line opens in June
 * url: https://example.org/tram
 * source: City Desk
 * published: 2025-05-01T09:00:00+02:00
 * language: en
 * ---
 * </pre>
 * {@code published} is an ISO-8601 date-time with its offset ({@code Z} for UTC), or a plain date
 * ({@code 2025-05-01}), stored as that day's start in UTC because the source gave no time; a
 * date-time without an offset is refused rather than guessed. Without {@code published} no date is
 * stored. With a {@code title} line, a first text line equal to it is not repeated in the body.
 * Without {@code language} it is detected from the text.
 */
public final class PlainTextArticle {

    /** Larger files are not single articles; dumps go through the dump readers. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** A first line longer than this is a paragraph, not a headline. */
    public static final int MAX_TITLE_CHARACTERS = 300;

    private static final List<String> KEYS = List.of("title", "url", "source", "published", "language");
    private static final String FRONT_MATTER_FENCE = "---";
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");
    /** Bytes sampled to tell text from binary data. */
    private static final int BINARY_SAMPLE = 8192;

    private PlainTextArticle() {}

    /**
     * Reads one article file: strictly UTF-8, text, at most {@link #MAX_FILE_BYTES}.
     *
     * @throws ArticleReadException naming the file and the reason when it cannot be read as an article
     */
    public static ParsedArticle read(Path file) {
        return read(file.toString(), readBytes(file));
    }

    /**
     * Reads an article from the bytes of a file or archive entry called {@code name}.
     *
     * @throws ArticleReadException naming it when the bytes are not UTF-8 article text
     */
    public static ParsedArticle read(String name, byte[] bytes) {
        if (startsWithUtf16ByteOrderMark(bytes)) {
            throw new ArticleReadException(
                    name + ": UTF-16 text, not UTF-8; convert it first (for example: iconv -f UTF-16 -t UTF-8)");
        }
        if (looksBinary(bytes)) {
            throw new ArticleReadException(
                    name + ": looks like a binary file (NUL bytes or control characters), not article text");
        }
        String content = decodeUtf8(name, bytes);
        try {
            return parse(content);
        } catch (IllegalArgumentException e) {
            throw new ArticleReadException(name + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readBytes(Path file) {
        if (Files.isDirectory(file)) {
            throw new ArticleReadException(file + ": is a directory, not an article file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Read one byte past the cap, so a file that grows while being read is still refused.
            bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ArticleReadException(file + ": no such file");
        } catch (IOException e) {
            throw new ArticleReadException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ArticleReadException(file + ": larger than the " + MAX_FILE_BYTES / (1024 * 1024)
                    + " MB limit for one article file; split it, or ingest it as a dump");
        }
        return bytes;
    }

    private static String decodeUtf8(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new ArticleReadException(name + ": not valid UTF-8 (first bad byte at offset " + in.position()
                    + "); convert it first, for example Arabic Windows text: iconv -f WINDOWS-1256 -t UTF-8");
        }
        return out.flip().toString();
    }

    private static boolean startsWithUtf16ByteOrderMark(byte[] bytes) {
        return bytes.length >= 2
                && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
    }

    /** NUL bytes, or more than one control character in twenty bytes, do not occur in text. */
    static boolean looksBinary(byte[] bytes) {
        int sample = Math.min(bytes.length, BINARY_SAMPLE);
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
     * @throws IllegalArgumentException when there is no title and body, or the front matter is invalid;
     *                                  the message says what to fix (the caller adds the file name)
     */
    public static ParsedArticle parse(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        Map<String, String> meta = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length && lines[first].strip().equals(FRONT_MATTER_FENCE)) {
            int close = first + 1;
            while (close < lines.length && !lines[close].strip().equals(FRONT_MATTER_FENCE)) {
                close++;
            }
            if (close == lines.length) {
                throw new IllegalArgumentException("front matter opened with --- is never closed by a --- line");
            }
            for (int i = first + 1; i < close; i++) {
                readFrontMatterLine(lines[i], meta);
            }
            text = String.join("\n", List.of(lines).subList(close + 1, lines.length));
        }

        String cleaned = DebrisCleaner.clean(text);
        if (cleaned.isBlank()) {
            throw new IllegalArgumentException(
                    meta.isEmpty() ? "the file is empty: no article text" : "no article text after the front matter");
        }
        String title = meta.get("title");
        String body = cleaned;
        int firstLineEnd = cleaned.indexOf('\n');
        String firstLine = (firstLineEnd < 0 ? cleaned : cleaned.substring(0, firstLineEnd)).strip();
        String rest =
                firstLineEnd < 0 ? "" : cleaned.substring(firstLineEnd + 1).strip();
        if (title == null) {
            if (firstLine.length() > MAX_TITLE_CHARACTERS) {
                throw new IllegalArgumentException("the first line is " + firstLine.length() + " characters, too long"
                        + " for a headline (at most " + MAX_TITLE_CHARACTERS + "); put the headline on the first line,"
                        + " or give it as \"title:\" in front matter");
            }
            title = firstLine;
            body = rest;
        } else if (firstLine.equals(title)) {
            body = rest;
        }
        if (body.isBlank()) {
            throw new IllegalArgumentException("only a title line (\"" + title + "\"), no article body");
        }
        String language = meta.get("language");
        return new ParsedArticle(
                title,
                body,
                ArticleUrl.check(meta.get("url")),
                meta.get("source"),
                published(meta.get("published")),
                language != null ? language : LanguageDetection.detect(body));
    }

    private static void readFrontMatterLine(String line, Map<String, String> meta) {
        if (line.isBlank()) {
            return;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("front matter line \"" + line.strip() + "\" is not \"key: value\"");
        }
        String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).strip();
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("front matter key \"" + key + "\" is not one of " + KEYS);
        }
        if (meta.containsKey(key)) {
            throw new IllegalArgumentException("front matter key \"" + key + "\" is given twice");
        }
        if (key.equals("language") && !value.isEmpty()) {
            value = value.toLowerCase(Locale.ROOT);
            if (!LANGUAGE_CODE.matcher(value).matches()) {
                throw new IllegalArgumentException(
                        "language: \"" + value + "\" is not an ISO 639 code such as ar or en");
            }
        }
        if (!value.isEmpty()) {
            meta.put(key, value);
        }
    }

    private static OffsetDateTime published(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException notDateTimeWithOffset) {
            // try the other accepted form below
        }
        try {
            return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
            // explained below
        }
        String hint = isLocalDateTime(value) ? " (it has no time zone offset; add one such as +03:00 or Z)" : "";
        throw new IllegalArgumentException(
                "published: \"" + value + "\" is not a date" + hint
                        + "; write an ISO-8601 date-time with offset such as 2025-08-02T14:30:00+03:00, or a date such as 2025-08-02");
    }

    private static boolean isLocalDateTime(String value) {
        try {
            LocalDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
