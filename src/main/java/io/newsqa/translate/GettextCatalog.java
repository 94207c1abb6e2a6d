package io.newsqa.translate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a compiled GNU gettext catalogue ({@code .mo}): original string → translation. Used for
 * Debian's iso-codes, whose Arabic catalogue translates the English country names.
 *
 * <p>Format: magic number (which also gives the byte order), revision, number of strings, offset
 * of the originals' table, offset of the translations' table; each table holds (length, offset)
 * pairs pointing at UTF-8 strings.
 */
final class GettextCatalog {

    private static final int MAGIC = 0x950412de;

    private GettextCatalog() {}

    /** @throws IllegalArgumentException when the file is missing or not a .mo catalogue */
    static Map<String, String> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("could not read gettext catalogue " + file + ": " + e.getMessage(), e);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 20) {
            throw new IllegalArgumentException(file + " is not a gettext .mo catalogue (too short)");
        }
        if (buffer.getInt(0) != MAGIC) {
            buffer.order(ByteOrder.BIG_ENDIAN);
            if (buffer.getInt(0) != MAGIC) {
                throw new IllegalArgumentException(file + " is not a gettext .mo catalogue (bad magic number)");
            }
        }
        int count = buffer.getInt(8);
        int originals = buffer.getInt(12);
        int translations = buffer.getInt(16);
        Map<String, String> catalogue = new LinkedHashMap<>();
        try {
            for (int i = 0; i < count; i++) {
                String original = string(buffer, originals + 8 * i);
                String translation = string(buffer, translations + 8 * i);
                if (!original.isEmpty() && !translation.isEmpty()) { // "" is the catalogue's header
                    catalogue.put(original, translation);
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException(file + " is a truncated gettext .mo catalogue", e);
        }
        return catalogue;
    }

    private static String string(ByteBuffer buffer, int tableEntry) {
        int length = buffer.getInt(tableEntry);
        int offset = buffer.getInt(tableEntry + 4);
        return new String(buffer.array(), offset, length, StandardCharsets.UTF_8);
    }
}
