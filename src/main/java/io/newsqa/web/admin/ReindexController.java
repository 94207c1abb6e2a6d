package io.newsqa.web.admin;

import io.newsqa.ingest.Reindexing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-index: re-chunk and re-embed stored articles from their stored text, after a change of the
 * chunk size (a new embedding model needs a new archive: the reembed command). One article at once; the whole archive as a background
 * job whose status is polled. Needs the admin API key ({@link AdminKeyInterceptor}).
 */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityRequirement(name = AdminKeyInterceptor.OPENAPI_SCHEME)
public class ReindexController {

    /** One article re-indexed. */
    record Reindexed(String id, int chunks) {}

    private final Reindexing reindexing;

    ReindexController(Reindexing reindexing) {
        this.reindexing = reindexing;
    }

    @Operation(summary = "Re-chunk and re-embed one article from its stored text")
    @PostMapping("/articles/{id}/reindex")
    Reindexed reindexOne(@PathVariable String id) {
        return reindexing
                .reindex(id)
                .map(chunks -> new Reindexed(id, chunks))
                .orElseThrow(() -> new ArticleNotFoundException(id));
    }

    @Operation(
            summary = "Start re-indexing every stored article in the background (202), or 409 while a run is going on")
    @PostMapping("/reindex")
    ResponseEntity<?> reindexAll() {
        return reindexing
                .start()
                .<ResponseEntity<?>>map(
                        started -> ResponseEntity.status(HttpStatus.ACCEPTED).body(started))
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONFLICT,
                            "A re-index is running; follow it at GET /api/admin/reindex and start another when it is done.");
                    problem.setTitle("Re-index running");
                    problem.setProperty("reindex", reindexing.status());
                    return ResponseEntity.status(HttpStatus.CONFLICT)
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .body(problem);
                });
    }

    @Operation(summary = "Progress of the latest re-index of the whole archive")
    @GetMapping("/reindex")
    Reindexing.Status status() {
        return reindexing.status();
    }
}
