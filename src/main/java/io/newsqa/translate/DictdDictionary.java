package io.newsqa.translate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

/**
 * A FreeDict dictionary in dictd format: headword → senses.
 *
 * <p>The data file is dictzip, which is gzip with an index of chunks for random access; a plain
 * {@link GZIPInputStream} reads it whole into memory (about 4 MB for each of the FreeDict
 * English↔Arabic dictionaries). Only the index is read at load; a headword's definitions are parsed
 * into senses the first time it is looked up and kept, because a question looks up a handful of the
 * hundred thousand headwords and parsing them all made up most of a command's start-up. A lookup
 * then costs a hash probe, which keeps query translation far below the 5 ms budget (figures in
 * docs/results/2026-11-29-cross-lingual.md).
 *
 * <p>Headwords are keyed through a normaliser (lower case for English, the project's Arabic
 * spelling normalisation for Arabic) so lookups need not guess diacritics or hamza forms; when
 * several entries share a key, their senses are concatenated in file order.
 */
public final class DictdDictionary {

    private final String name;
    private final byte[] data;
    /** Key → the (offset, length) pairs of its entries in {@link #data}, in file order. */
    private final Map<String, long[]> entries;

    private final Map<String, List<String>> parsed = new ConcurrentHashMap<>();
    private final UnaryOperator<String> keyOf;

    private DictdDictionary(String name, byte[] data, Map<String, long[]> entries, UnaryOperator<String> keyOf) {
        this.name = name;
        this.data = data;
        this.entries = entries;
        this.keyOf = keyOf;
    }

    /**
     * Reads {@code <dir>/<name>.index} and {@code <dir>/<name>.dict.dz} (or an uncompressed
     * {@code <name>.dict}).
     *
     * @param keyOf how a headword or a looked-up word becomes a key
     * @throws IllegalArgumentException when a file is missing or malformed, saying which
     */
    public static DictdDictionary load(Path dir, String name, UnaryOperator<String> keyOf) {
        Path index = dir.resolve(name + ".index");
        Path compressed = dir.resolve(name + ".dict.dz");
        Path plain = dir.resolve(name + ".dict");
        if (!Files.isReadable(index)) {
            throw new IllegalArgumentException("dictd index " + index + " is missing or unreadable");
        }
        byte[] data = readData(Files.isReadable(compressed) ? compressed : plain);
        Map<String, long[]> entries = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(index, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read dictd index " + index + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            DictdIndexLine line = DictdIndexLine.parse(lines.get(i), i + 1);
            if (line.isMetadata()) {
                continue;
            }
            if (line.offset() + line.length() > data.length) {
                throw new IllegalArgumentException("dictd index " + index + " line " + (i + 1)
                        + " points past the end of the data (" + (line.offset() + line.length()) + " > " + data.length
                        + " bytes): index and data do not belong together");
            }
            entries.merge(
                    keyOf.apply(line.headword()), new long[] {line.offset(), line.length()}, DictdDictionary::concat);
        }
        return new DictdDictionary(name, data, entries, keyOf);
    }

    private static long[] concat(long[] first, long[] second) {
        long[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] readData(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("dictd data " + file + "(.dz) is missing or unreadable");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return file.toString().endsWith(".dz")
                    ? new GZIPInputStream(in, 1 << 16).readAllBytes()
                    : in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "could not read dictd data " + file + " (" + e.getMessage() + "); reinstall the dictionary package",
                    e);
        }
    }

    /** The senses of a word, most common first; empty when it is not a headword. */
    public List<String> senses(String word) {
        String key = keyOf.apply(word);
        long[] located = entries.get(key);
        return located == null ? List.of() : parsed.computeIfAbsent(key, unused -> parse(located));
    }

    private List<String> parse(long[] located) {
        List<String> senses = new ArrayList<>();
        for (int i = 0; i < located.length; i += 2) {
            String definition = new String(data, (int) located[i], (int) located[i + 1], StandardCharsets.UTF_8);
            FreeDictDefinition.senses(definition).stream()
                    .filter(sense -> !senses.contains(sense))
                    .forEach(senses::add);
        }
        return List.copyOf(senses);
    }

    public boolean contains(String word) {
        return !senses(word).isEmpty();
    }

    /** Headwords in the index (a few of them may have no usable sense). */
    public int headwords() {
        return entries.size();
    }

    public String name() {
        return name;
    }
}
