package io.newsqa.ingest.source;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generators of malformed input for the parsers: random bytes, and valid samples truncated,
 * with bytes flipped, with hostile bytes (NUL, a lone UTF-8 lead byte, 0xFF, a BOM) inserted,
 * or with a slice repeated; structures nested deep and values made huge. Every generator draws
 * only from the {@link SplittableRandom} it is given, so a seed reproduces its input exactly.
 * Sizes stay small so that a few hundred tries take seconds.
 */
final class HostileInput {

    /** Makes one input from the random source of one try. */
    @FunctionalInterface
    interface Generator<T> {
        T next(SplittableRandom random);
    }

    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[][] HOSTILE_BYTES = {
        {0},
        {(byte) 0xC3},
        {(byte) 0xFF},
        {(byte) 0xFE, (byte) 0xFF},
        UTF8_BOM,
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a UTF-16 surrogate encoded as UTF-8: invalid
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
        utf8("<"),
        utf8("\""),
        utf8("]]>"),
        utf8("&#0;"),
        utf8("&xxe;"),
        utf8("{"),
        utf8("\n---\n")
    };

    private HostileInput() {}

    /** Up to 2,000 random bytes, empty and one-byte arrays included. */
    static Generator<byte[]> randomBytes() {
        return random -> {
            byte[] bytes = new byte[between(random, 0, 2_000)];
            random.nextBytes(bytes);
            return bytes;
        };
    }

    /** A valid sample, mutated one to three times. */
    static Generator<byte[]> mutated(byte[] valid) {
        return random -> {
            byte[] bytes = valid;
            for (int times = 1 + random.nextInt(3); times > 0; times--) {
                bytes = mutate(random, bytes);
            }
            return bytes;
        };
    }

    /** Structures nested 1 to 20,000 deep. */
    static Generator<byte[]> nested(String before, String open, String close, String after) {
        return random -> {
            int depth = between(random, 1, 20_000);
            return utf8(before + open.repeat(depth) + close.repeat(depth) + after);
        };
    }

    /** One value (an attribute, a field) of 1,000 characters to 2 MB. */
    static Generator<byte[]> hugeValue(String before, String after) {
        return random -> utf8(before + "a".repeat(between(random, 1_000, 2_000_000)) + after);
    }

    static <T> Generator<T> just(T value) {
        return random -> value;
    }

    /** Each generator equally likely. */
    @SafeVarargs
    static <T> Generator<T> oneOf(Generator<? extends T>... generators) {
        return random -> generators[random.nextInt(generators.length)].next(random);
    }

    /**
     * An int in [min, max], either bound one time in eight each: off-by-one and empty cases are
     * where parsers break, and a uniform draw would almost never reach them.
     */
    static int between(SplittableRandom random, int min, int max) {
        int pick = random.nextInt(8);
        if (pick == 0) {
            return min;
        }
        if (pick == 1) {
            return max;
        }
        return random.nextInt(min, max + 1);
    }

    private static byte[] mutate(SplittableRandom random, byte[] bytes) {
        return switch (random.nextInt(4)) {
            case 0 -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1)); // truncated
            case 1 -> { // one byte flipped to any value
                byte[] copy = bytes.clone();
                if (copy.length > 0) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                yield copy;
            }
            case 2 ->
                splice(bytes, random.nextInt(bytes.length + 1), HOSTILE_BYTES[random.nextInt(HOSTILE_BYTES.length)]);
            default -> { // a slice repeated 2 to 50 times in place
                int one = random.nextInt(bytes.length + 1);
                int other = random.nextInt(bytes.length + 1);
                int from = Math.min(one, other);
                int to = Math.max(one, other);
                yield splice(bytes, to, repeat(Arrays.copyOfRange(bytes, from, to), between(random, 2, 50)));
            }
        };
    }

    static byte[] splice(byte[] bytes, int at, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
        out.write(bytes, 0, at);
        out.writeBytes(insert);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    static byte[] repeat(byte[] slice, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(slice.length * times);
        for (int i = 0; i < times; i++) {
            out.writeBytes(slice);
        }
        return out.toByteArray();
    }

    /** The first bytes of an input, printable ASCII as is and everything else escaped, for failure messages. */
    static String describe(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length + " bytes: \"");
        int shown = Math.min(bytes.length, 120);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xFF;
            switch (b) {
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\\' -> text.append("\\\\");
                case '"' -> text.append("\\\"");
                default -> text.append(b >= 0x20 && b < 0x7F ? Character.toString(b) : String.format("\\x%02X", b));
            }
        }
        return text.append(shown < bytes.length ? "\"..." : "\"").toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
