package io.newsqa.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An evaluation report as {@code newsqa-tools eval --json} writes it, for the admin page's tests:
 * the tools module writes reports, the product only reads them (the tools' {@code EvalReportTest}
 * checks that this file is still what {@code eval --json} writes).
 */
public final class EvalReportFixture {

    /** One row: embedded archive, set xquad.ar, method hybrid, 1190 questions, recall@1 0.854, p95 7.25 ms. */
    public static final String RESOURCE = "/eval/eval-report.json";

    private EvalReportFixture() {}

    public static void copyTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (InputStream in = EvalReportFixture.class.getResourceAsStream(RESOURCE)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
