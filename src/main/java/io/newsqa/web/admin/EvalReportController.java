package io.newsqa.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsqa.config.NewsQaProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The latest retrieval evaluation ({@code eval --json FILE}) for the admin page: the file named by
 * {@code newsqa.admin.eval-report}, read as it is now. Needs the admin API key.
 */
@RestController
@SecurityRequirement(name = AdminKeyInterceptor.OPENAPI_SCHEME)
public class EvalReportController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path report;

    EvalReportController(AdminProperties admin, NewsQaProperties properties) {
        this.report = admin.evalReportIn(properties.dataDir());
    }

    @Operation(summary = "The evaluation figures written by eval --json (404 when there are none)")
    @GetMapping(path = "/api/admin/eval", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> evaluation() {
        if (!Files.isRegularFile(report)) {
            return problem(
                    HttpStatus.NOT_FOUND,
                    "No evaluation",
                    "No evaluation report at " + report.getFileName() + ". Run `newsqa-tools eval FILES… --json "
                            + report + "` (or set newsqa.admin.eval-report).");
        }
        try {
            JsonNode figures = JSON.readTree(report.toFile());
            if (!figures.path("results").isArray()) {
                return problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Unreadable evaluation",
                        report.getFileName() + " has no \"results\" list; write it again with eval --json.");
            }
            return ResponseEntity.ok(figures);
        } catch (IOException e) {
            return problem(
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "Unreadable evaluation",
                    report.getFileName() + " is not the JSON eval --json writes; write it again.");
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
