package io.newsqa.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What a fault test measured, one row per scenario in {@code target/faults/<scenario>.tsv}
 * (scenario, expectation, measured, pass), for the table {@code scripts/faults.sh} prints. A test
 * records before its assertions, so a failed scenario still shows what was measured; as the
 * class's extension ({@code @ExtendWith(FaultLog.class)}) it then marks the rows of the test
 * pass or FAIL by its outcome.
 */
public final class FaultLog implements TestWatcher {

    private static final Path DIR = Path.of("target", "faults");
    /** Rows recorded by the running test (JUnit runs these tests one at a time). */
    private static final List<String[]> recorded = new ArrayList<>();

    public static synchronized void record(String scenario, String expectation, String measured) {
        String[] row = {scenario, expectation, measured};
        recorded.add(row);
        write(row, "not finished");
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        mark("pass");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        mark("FAIL");
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        mark("FAIL (aborted)");
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        // Nothing ran, nothing was recorded.
    }

    private static synchronized void mark(String outcome) {
        recorded.forEach(row -> write(row, outcome));
        recorded.clear();
    }

    private static void write(String[] row, String outcome) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(row[0] + ".tsv"), String.join("\t", row) + "\t" + outcome + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
