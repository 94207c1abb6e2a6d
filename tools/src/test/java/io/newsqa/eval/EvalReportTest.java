package io.newsqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsqa.support.EvalReportFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The admin page's tests in the product serve this fixture: it must stay what eval --json writes. */
    @Test
    void theProductsReportFixtureIsWhatEvalJsonWrites(@TempDir Path dir) throws IOException {
        Path written = dir.resolve("eval.json");
        EvalReport.writeJson(
                written,
                List.of("xquad.ar.json"),
                Map.of("passages", 10),
                List.of(new EvalResult("embedded", "xquad.ar", "hybrid", 1190, 0.854, 0.95, 0.97, 0.9, 3.5, 7.25)));

        try (InputStream fixture = EvalReportTest.class.getResourceAsStream(EvalReportFixture.RESOURCE)) {
            assertThat(JSON.readTree(written.toFile())).isEqualTo(JSON.readTree(fixture));
        }
    }
}
