package io.newsqa.ingest.source;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of malformed input for the parsers: random bytes, and valid samples truncated,
 * with bytes flipped, with hostile bytes (NUL, a lone UTF-8 lead byte, 0xFF, a BOM) inserted,
 * or with a slice repeated. Sizes stay small so that a few hundred tries take seconds.
 */
final class HostileInput {

    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[][] HOSTILE_BYTES = {
            {0}, {(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, UTF8_BOM,
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a UTF-16 surrogate encoded as UTF-8: invalid
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
            "<".getBytes(StandardCharsets.UTF_8), "\"".getBytes(StandardCharsets.UTF_8),
            "]]>".getBytes(StandardCharsets.UTF_8), "&#0;".getBytes(StandardCharsets.UTF_8),
            "&xxe;".getBytes(StandardCharsets.UTF_8), "{".getBytes(StandardCharsets.UTF_8), "\n---\n".getBytes(StandardCharsets.UTF_8)};

    private HostileInput() {
    }

    static Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
    }

    /** A valid sample, mutated one to three times. */
    static Arbitrary<byte[]> mutated(byte[] valid) {
        Arbitrary<byte[]> once = mutation(Arbitraries.just(valid));
        return Arbitraries.oneOf(once, mutation(once), mutation(mutation(once)));
    }

    private static Arbitrary<byte[]> mutation(Arbitrary<byte[]> input) {
        return input.flatMap(bytes -> {
            int length = Math.max(bytes.length, 1);
            Arbitrary<Integer> position = Arbitraries.integers().between(0, bytes.length);
            Arbitrary<byte[]> truncated = position.map(at -> Arrays.copyOf(bytes, at));
            Arbitrary<byte[]> flipped = Combinators.combine(Arbitraries.integers().between(0, length - 1),
                    Arbitraries.bytes()).as((at, value) -> {
                        byte[] copy = bytes.clone();
                        if (copy.length > 0) {
                            copy[at] = value;
                        }
                        return copy;
                    });
            Arbitrary<byte[]> inserted = Combinators.combine(position, Arbitraries.of(HOSTILE_BYTES))
                    .as((at, insert) -> splice(bytes, at, insert));
            Arbitrary<byte[]> repeated = Combinators.combine(position, position, Arbitraries.integers().between(2, 50))
                    .as((from, to, times) -> {
                        byte[] slice = Arrays.copyOfRange(bytes, Math.min(from, to), Math.max(from, to));
                        return splice(bytes, Math.max(from, to), slice.length == 0 ? slice : repeat(slice, times));
                    });
            return Arbitraries.oneOf(truncated, flipped, inserted, repeated);
        });
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

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
