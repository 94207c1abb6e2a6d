package io.newsqa.translate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

/**
 * A FreeDict dictionary in dictd format, read whole into memory once: headword → senses.
 *
 * <p>The data file is dictzip, which is gzip with an index of chunks for random access; a plain
 * {@link GZIPInputStream} reads it whole. The two FreeDict English↔Arabic dictionaries are about
 * 4 MB uncompressed each and take well under a second to load, and a lookup then costs a hash
 * probe, which keeps query translation far below the 5 ms budget (figures in
 * docs/results/2026-11-29-cross-lingual.md).
 *
 * <p>Headwords are keyed through a normaliser (lower case for English, the project's Arabic
 * spelling normalisation for Arabic) so lookups need not guess diacritics or hamza forms; when
 * several entries share a key, their senses are concatenated in file order.
 */
public final class DictdDictionary {

    private final String name;
    private final Map<String, List<String>> senses;
    private final UnaryOperator<String> keyOf;

    private DictdDictionary(String name, Map<String, List<String>> senses, UnaryOperator<String> keyOf) {
        this.name = name;
        this.senses = senses;
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
        Map<String, List<String>> senses = new HashMap<>();
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
                throw new IllegalArgumentException("dictd index " + index + " line " + (i + 1) + " points past the end of the data ("
                        + (line.offset() + line.length()) + " > " + data.length + " bytes): index and data do not belong together");
            }
            String definition = new String(data, (int) line.offset(), line.length(), StandardCharsets.UTF_8);
            List<String> entrySenses = FreeDictDefinition.senses(definition);
            if (!entrySenses.isEmpty()) {
                List<String> merged = senses.computeIfAbsent(keyOf.apply(line.headword()), key -> new ArrayList<>(entrySenses.size()));
                entrySenses.stream().filter(sense -> !merged.contains(sense)).forEach(merged::add);
            }
        }
        senses.replaceAll((key, list) -> List.copyOf(list));
        return new DictdDictionary(name, Collections.unmodifiableMap(senses), keyOf);
    }

    private static byte[] readData(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("dictd data " + file + "(.dz) is missing or unreadable");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return file.toString().endsWith(".dz") ? new GZIPInputStream(in, 1 << 16).readAllBytes() : in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("could not read dictd data " + file + " (" + e.getMessage()
                    + "); reinstall the dictionary package", e);
        }
    }

    /** The senses of a word, most common first; empty when it is not a headword. */
    public List<String> senses(String word) {
        return senses.getOrDefault(keyOf.apply(word), List.of());
    }

    public boolean contains(String word) {
        return senses.containsKey(keyOf.apply(word));
    }

    public int headwords() {
        return senses.size();
    }

    public String name() {
        return name;
    }
}
