package io.newsqa.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Days of the SaudiNewsNet dump, benchmark material that lives beside the repository in
 * {@code ../shared/bench/saudinewsnet} and is never copied into it. A test that needs a day is
 * skipped, saying so, in a checkout without that folder.
 */
public final class SaudiNewsNet {

    public static final Path FOLDER = Path.of("..", "shared", "bench", "saudinewsnet");

    private SaudiNewsNet() {}

    /** The zip of one day, e.g. {@code 2015-07-21.zip}; aborts the calling test when it is absent. */
    public static Path day(String zip) {
        Path day = FOLDER.resolve(zip);
        assumeTrue(
                Files.isRegularFile(day),
                () -> "SaudiNewsNet is not beside the repository ("
                        + day.toAbsolutePath().normalize() + " is missing): skipped");
        return day;
    }
}
