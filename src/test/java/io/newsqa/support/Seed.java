package io.newsqa.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seed article, the user's own document, kept with the tests in {@code src/test/resources/seeds}. */
public final class Seed {

    public static final Path FILE = Path.of("src", "test", "resources", "seeds", "000_23fb25f5c3115797.txt");

    private Seed() {}

    /** The seed's raw text; fails the test, saying where it was looked for, when it is missing. */
    public static String text() {
        try {
            return Files.readString(file());
        } catch (IOException e) {
            throw new UncheckedIOException("the seed article cannot be read: " + FILE, e);
        }
    }

    public static Path file() {
        if (!Files.isRegularFile(FILE)) {
            fail("the seed article is missing: expected "
                    + FILE.toAbsolutePath().normalize() + " (tests run from the repository root)");
        }
        return FILE;
    }
}
