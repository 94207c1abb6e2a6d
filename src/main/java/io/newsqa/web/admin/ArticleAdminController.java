package io.newsqa.web.admin;

import io.newsqa.archive.ArchiveFacets;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveStats;
import io.newsqa.archive.Article;
import io.newsqa.archive.ArticleSummary;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.article.ArticleIdentity;
import io.newsqa.ingest.article.ArticleLength;
import io.newsqa.ingest.article.ArticleReadException;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.ingest.article.PlainTextArticle;
import io.newsqa.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration of the archive for the newsroom: what it holds, one article, removing one,
 * adding one. Every request needs the admin API key ({@link AdminKeyInterceptor}).
 */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityRequirement(name = AdminKeyInterceptor.OPENAPI_SCHEME)
public class ArticleAdminController {

    static final int MAX_PAGE = 100;
    private static final int RECENT = 10;
    /** The name an uploaded article file goes by in messages. */
    private static final String UPLOAD = "upload";

    /** The archive at a glance: size, languages, sources and the most recently stored articles. */
    public record ArchiveOverview(long articles, long chunks, ArchiveFacets facets, List<ArticleSummary> recent) {}

    /** A page of the article list; {@code total} is the number of stored articles. */
    public record ArticlePage(long total, int offset, int limit, List<ArticleSummary> articles) {}

    /** What happened to a posted article. */
    public record IngestResult(String id, IngestOutcome outcome) {}

    private final ArchiveIndex archive;
    private final ArticleIngestor ingestor;

    ArticleAdminController(ArchiveIndex archive, ArticleIngestor ingestor) {
        this.archive = archive;
        this.ingestor = ingestor;
    }

    @Operation(summary = "Archive size, articles per language and source, recently stored articles")
    @GetMapping("/archive")
    public ArchiveOverview overview() {
        ArchiveStats stats = archive.stats();
        return new ArchiveOverview(stats.articles(), stats.chunks(), archive.facets(), archive.listArticles(0, RECENT));
    }

    @Operation(summary = "Stored articles, most recently stored first")
    @GetMapping("/articles")
    public ArticlePage list(
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit) {
        if (offset < 0) {
            throw new InvalidRequestException("\"offset\" is " + offset + "; send 0 or more.");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("\"limit\" is " + limit + "; send 1 to " + MAX_PAGE + ".");
        }
        return new ArticlePage(archive.stats().articles(), offset, limit, archive.listArticles(offset, limit));
    }

    @Operation(summary = "One stored article with its text")
    @GetMapping("/articles/{id}")
    public Article get(@PathVariable String id) {
        return archive.findArticle(id).orElseThrow(() -> new ArticleNotFoundException(id));
    }

    @Operation(summary = "Remove an article and its passages from the archive")
    @DeleteMapping("/articles/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        if (!archive.delete(id)) {
            throw new ArticleNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Add or replace an article, sent as an article file (headline line, body, optional front matter)")
    @PostMapping(path = "/articles", consumes = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<IngestResult> ingest(@RequestBody byte[] content) {
        ParsedArticle parsed;
        try {
            // The bytes, not a decoded string: invalid UTF-8, UTF-16 and binary data are refused
            // with the reason instead of being stored with replacement characters.
            parsed = PlainTextArticle.read(UPLOAD, content);
        } catch (ArticleReadException e) {
            throw new InvalidRequestException(
                    "The article cannot be read: " + e.getMessage().substring(UPLOAD.length() + 2)
                            + ". Send UTF-8 text: the headline on the first line, then the body.");
        }
        String tooLong = ArticleLength.refusal(parsed);
        if (tooLong != null) {
            throw new InvalidRequestException("The article is not taken in: " + tooLong + ".");
        }
        IngestOutcome outcome = ingestor.ingest(parsed);
        String hash = ArticleIdentity.contentHash(parsed.body());
        // A duplicate is the same text already stored under another article's id: name that one.
        String id = outcome == IngestOutcome.DUPLICATE
                ? archive.findByContentHash(hash).map(Article::id).orElseThrow()
                : ArticleIdentity.articleId(parsed.url(), hash);
        HttpStatus status = outcome == IngestOutcome.ADDED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(new IngestResult(id, outcome));
    }
}
