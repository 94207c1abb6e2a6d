package io.newsqa.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.config.NewsQaProperties;
import io.newsqa.embedding.Embeddings;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.ChunkedArticle;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.article.ArticleIdentity;
import io.newsqa.ingest.article.ParsedArticle;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin API's re-index (one article, the whole archive). The evaluation figures are tested on
 * the MVC layer alone: {@code web.admin.EvalReportControllerTest}.
 */
class ReindexApiTest extends WebTestContext {

    private static final String BODY = ("The fictional observatory of Port Avalon recorded a comet on Thursday night. "
                    + "Astronomers said the comet would stay visible to the naked eye for two weeks. ")
            .repeat(6)
            .strip();

    @Autowired
    ArchiveIndex archive;

    @Autowired
    Embeddings embeddings;

    @Autowired
    NewsQaProperties properties;

    private HttpResponse<String> post(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return Http.send(request);
    }

    @Test
    void reindexingAnArticleRechunksItFromItsStoredText() {
        // Stored with far smaller chunks than the server's: as after a change of the chunk size.
        ArticleIngestor smallChunks = new ArticleIngestor(
                archive, embeddings.passages(), new Chunker(new HuggingFaceTokenCountEstimator(), 20));
        smallChunks.ingest(new ParsedArticle(
                "Comet seen over Port Avalon",
                BODY,
                "https://avalon.example/comet",
                "Gazette",
                OffsetDateTime.parse("2025-04-03T21:00:00Z"),
                "en"));
        String id = ArticleIdentity.articleId("https://avalon.example/comet", ArticleIdentity.contentHash(BODY));
        long chunksBefore = archive.stats().chunks();
        Article stored = archive.findArticle(id).orElseThrow();
        int smallChunkCount = new Chunker(new HuggingFaceTokenCountEstimator(), 20)
                .chunk(stored)
                .chunks()
                .size();
        // Re-indexing chunks by the server's rule: its chunk size, within the model's window beside the title.
        ChunkedArticle rechunked =
                Chunker.forModel(embeddings, properties.chunkTokens()).chunk(stored);
        int serverChunkCount = rechunked.chunks().size();
        assertThat(smallChunkCount).isGreaterThan(serverChunkCount);
        assertThat(rechunked.segments())
                .allSatisfy(segment -> assertThat(embeddings.tokens().estimateTokenCountInText(segment.text()) + 2)
                        .isLessThanOrEqualTo(embeddings.window()));

        HttpResponse<String> response = post("/api/admin/articles/" + id + "/reindex", "X-Api-Key", ADMIN_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).path("id").asText()).isEqualTo(id);
        assertThat(Http.json(response).path("chunks").asInt()).isEqualTo(serverChunkCount);
        assertThat(archive.stats().chunks()).isEqualTo(chunksBefore - smallChunkCount + serverChunkCount);
        assertThat(archive.findArticle(id))
                .hasValueSatisfying(article -> assertThat(article.body()).isEqualTo(BODY));
        HttpResponse<String> search = Http.get(url("/api/search?q=comet%20naked%20eye&limit=3"));
        assertThat(search.body()).contains(id);
    }

    @Test
    void reindexNeedsTheKeyAndAKnownArticle() {
        HttpResponse<String> unknown = post("/api/admin/articles/no-such-article/reindex", "X-Api-Key", ADMIN_KEY);
        HttpResponse<String> noKey = post("/api/admin/reindex");
        HttpResponse<String> wrongKey = post("/api/admin/articles/no-such-article/reindex", "X-Api-Key", "wrong");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.statusCode()).isEqualTo(403);
        assertThat(Http.get(url("/api/admin/reindex")).statusCode()).isEqualTo(401);
    }

    @Test
    void reindexingTheArchiveRunsInTheBackgroundUntilEveryArticleIsDone() throws Exception {
        long articles = archive.stats().articles();
        long chunks = archive.stats().chunks();

        HttpResponse<String> started = post("/api/admin/reindex", "X-Api-Key", ADMIN_KEY);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(Http.json(started).path("total").asLong()).isEqualTo(articles);
        JsonNode status = Http.json(started);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (status.path("state").asText().equals("RUNNING") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            status = Http.json(Http.get(url("/api/admin/reindex"), "X-Api-Key", ADMIN_KEY));
        }
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("DONE");
        assertThat(status.path("reindexed").asLong()).isEqualTo(articles);
        assertThat(status.path("failed").asInt()).isZero();
        assertThat(status.path("finishedAt").asText()).isNotBlank();
        // Same chunker as when they were stored: the same passages, now freshly embedded.
        assertThat(archive.stats()).extracting("articles", "chunks").containsExactly(articles, chunks);
    }
}
