package io.newsqa.web.admin;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.newsqa.config.NewsQaProperties;
import io.newsqa.support.EvalReportFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The evaluation figures of the admin page, on the MVC layer alone (no archive, no models): the
 * admin key, the report as written by {@code eval --json}, and a problem that says what to do when
 * there is none or it cannot be read.
 */
@WebMvcTest(EvalReportController.class)
class EvalReportControllerTest {

    private static final String KEY = "slice-admin-key-7c2e";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("newsqa.data-dir", dataDir::toString);
        registry.add("newsqa.admin.api-key", () -> KEY);
    }

    @TestConfiguration
    @EnableConfigurationProperties(NewsQaProperties.class)
    static class Settings {}

    @Autowired
    MockMvc mvc;

    private Path report() {
        return dataDir.resolve("eval.json");
    }

    @AfterEach
    void removeReport() throws Exception {
        Files.deleteIfExists(report());
    }

    @Test
    void withoutTheAdminKeyItIsRefusedSayingHowToAuthenticate() throws Exception {
        mvc.perform(get("/api/admin/eval"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "ApiKey header=\"X-Api-Key\""));
    }

    @Test
    void withoutAReportItIsNotFoundNamingTheCommandThatWritesOne() throws Exception {
        mvc.perform(get("/api/admin/eval").header("X-Api-Key", KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("No evaluation"))
                .andExpect(jsonPath("$.detail").value(containsString("--json")));
    }

    @Test
    void theReportIsServedAsEvalWroteIt() throws Exception {
        EvalReportFixture.copyTo(report());

        mvc.perform(get("/api/admin/eval").header("X-Api-Key", KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].questionSet").value("xquad.ar"))
                .andExpect(jsonPath("$.results[0].recallAt1").value(0.854))
                .andExpect(jsonPath("$.results[0].p95Millis").value(7.25));
    }

    @Test
    void aFileThatIsNotAnEvalReportIsAnErrorThatSaysToWriteItAgain() throws Exception {
        Files.writeString(report(), "{\"figures\": []}");
        mvc.perform(get("/api/admin/eval").header("X-Api-Key", KEY))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.title").value("Unreadable evaluation"));

        Files.writeString(report(), "not json");
        mvc.perform(get("/api/admin/eval").header("X-Api-Key", KEY))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value(containsString("write it again")));
    }
}
