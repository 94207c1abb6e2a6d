package io.newsqa.ingest.source;

import io.newsqa.ingest.source.HostileInput.Generator;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Runs a check on generated inputs, one dynamic test per try. The seed is fixed unless
 * {@code -Dnewsqa.fuzz.seed=N} sets another (to vary the inputs or replay a failure), and
 * {@code -Dnewsqa.fuzz.tries=F} multiplies every count of tries (0.1 for a quick look, 10 for a
 * long hunt). Each try draws from its own random source derived from the seed, the check's name
 * and the try's index, so a failing try makes the same input again whatever the other tries did.
 * A failure names the seed, the try and the start of the input.
 */
final class FuzzTries {

    static final long DEFAULT_SEED = 0x5EED_2026_1129L;

    private FuzzTries() {}

    static long seed() {
        return Long.getLong("newsqa.fuzz.seed", DEFAULT_SEED);
    }

    static <T> Stream<DynamicTest> of(
            String check, int tries, Generator<T> inputs, Function<T, String> describe, ThrowingConsumer<T> property) {
        long seed = seed();
        int scaled =
                Math.max(1, (int) Math.round(tries * Double.parseDouble(System.getProperty("newsqa.fuzz.tries", "1"))));
        System.out.printf(
                "Fuzzing %s: %d tries, seed %d (-Dnewsqa.fuzz.seed=N to vary, -Dnewsqa.fuzz.tries=F to scale)%n",
                check, scaled, seed);
        return IntStream.range(0, scaled)
                .mapToObj(index -> DynamicTest.dynamicTest(check + " try " + index, () -> {
                    // The input is made inside the try so that at most one (up to 2 MB) is held at a time.
                    T input = inputs.next(
                            new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (31L * check.hashCode() + index)));
                    try {
                        property.accept(input);
                    } catch (Throwable failure) {
                        throw new AssertionError(
                                check + " failed on try " + index + " of " + scaled + " with seed " + seed
                                        + " (replay: -Dnewsqa.fuzz.seed=" + seed + "); input " + describe.apply(input)
                                        + "\n" + failure.getMessage(),
                                failure);
                    }
                }));
    }

    static Stream<DynamicTest> ofBytes(
            String check, int tries, Generator<byte[]> inputs, ThrowingConsumer<byte[]> property) {
        return of(check, tries, inputs, HostileInput::describe, property);
    }
}
