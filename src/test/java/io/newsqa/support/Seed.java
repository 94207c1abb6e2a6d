package io.newsqa.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seed article, the user's own document, next to the repository in {@code ../shared/seeds}. */
public final class Seed {

    public static final Path FILE = Path.of("..", "shared", "seeds", "000_23fb25f5c3115797.txt");

    private Seed() {
    }

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
            fail("the seed article is missing: expected " + FILE.toAbsolutePath().normalize()
                    + " (tests run from the repository root, with the shared material in ../shared)");
        }
        return FILE;
    }
}
