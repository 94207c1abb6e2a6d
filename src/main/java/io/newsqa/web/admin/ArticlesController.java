package io.newsqa.web.admin;

import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.IngestProperties;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.IngestRun;
import io.newsqa.ingest.article.ArticleReadException;
import io.newsqa.ingest.source.FieldMapping;
import io.newsqa.ingest.source.JsonDumpReader;
import io.newsqa.ingest.source.SourceDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/articles}: one article object or an array of them, with the fields of a JSON
 * dump ({@code title}, {@code content} or {@code body}, {@code url}, {@code published} or
 * {@code date}, {@code source}, {@code author}), behind the admin API key. Answers what happened
 * to each.
 */
@RestController
public class ArticlesController {

    /** The tally sent back: counts, the duplicates with the article they copy, rejections with reasons. */
    public record IngestResponse(
            int added,
            int updated,
            int unchanged,
            List<IngestReport.Duplicate> duplicates,
            List<IngestReport.Rejection> rejected) {}

    /** The nesting every JSON request of the API is held to (an article batch is 2 levels deep). */
    static final int MAX_JSON_DEPTH = 32;

    private final ArticleIngestor ingestor;
    private final JsonDumpReader reader;

    /** The admin API key is checked before this controller is reached (web.AdminKeyInterceptor). */
    public ArticlesController(ArticleIngestor ingestor, IngestProperties ingest) {
        this.ingestor = ingestor;
        this.reader = new JsonDumpReader(FieldMapping.DEFAULT.withZone(ingest.timeZone()), MAX_JSON_DEPTH);
    }

    @PostMapping(path = "/api/articles", consumes = "application/json")
    public IngestResponse add(@RequestBody byte[] body) {
        IngestReport report = new IngestReport();
        try (IngestRun run = ingestor.startRun(report)) {
            reader.read(new SourceDocument("request", "application/json", new ByteArrayInputStream(body)), run);
        } catch (ArticleReadException | IOException e) {
            if (report.items() == 0) {
                throw new ResponseStatusException(
                        HttpStatus.BAD_REQUEST, e.getMessage().replaceFirst("^request[^:]*: ", ""));
            }
            report.reject("request", e.getMessage());
        }
        return new IngestResponse(
                report.countOf(IngestOutcome.ADDED),
                report.countOf(IngestOutcome.UPDATED),
                report.countOf(IngestOutcome.UNCHANGED),
                report.duplicates(),
                report.rejections());
    }
}
