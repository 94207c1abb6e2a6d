package io.newsqa.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a fault test measured, one line per scenario in {@code target/faults/}, for the table
 * {@code scripts/faults.sh} prints. Written before the assertions, so a failed scenario still
 * shows what was measured; pass or fail comes from the test report.
 */
public final class FaultLog {

    private static final Path DIR = Path.of("target", "faults");

    private FaultLog() {
    }

    public static void record(String scenario, String expectation, String measured) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(scenario + ".tsv"), scenario + "\t" + expectation + "\t" + measured + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
