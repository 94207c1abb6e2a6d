package io.newsqa.ingest;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.archive.StoredArticle;
import io.newsqa.ingest.article.ArticleReadException;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.ingest.dedupe.SimilarityThresholds;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns parsed articles into stored chunks: identity, exact and near-duplicate detection,
 * chunking, embedding. Many articles go through an {@link IngestRun}; one goes through
 * {@link #ingest}.
 */
public final class ArticleIngestor {

    /** Default chunks per embedding call: enough to keep every core busy. */
    public static final int DEFAULT_BATCH_CHUNKS = 64;
    /** Default articles per archive write in a run (one commit each). */
    public static final int DEFAULT_STORE_BATCH_ARTICLES = 100;

    private final ArchiveIndex archive;
    private final EmbeddingModel embeddings;
    private final Chunker chunker;
    private final SimilarityThresholds thresholds;
    private final int batchChunks;
    private final int storeBatchArticles;

    public ArticleIngestor(ArchiveIndex archive, EmbeddingModel embeddings, Chunker chunker) {
        this(archive, embeddings, chunker, SimilarityThresholds.DEFAULT, DEFAULT_BATCH_CHUNKS);
    }

    public ArticleIngestor(
            ArchiveIndex archive,
            EmbeddingModel embeddings,
            Chunker chunker,
            SimilarityThresholds thresholds,
            int batchChunks) {
        this(archive, embeddings, chunker, thresholds, batchChunks, DEFAULT_STORE_BATCH_ARTICLES);
    }

    /**
     * @param storeBatchArticles articles stored per archive write (commit) in a run: larger is
     *                           faster, and a killed run redoes at most that many
     */
    public ArticleIngestor(
            ArchiveIndex archive,
            EmbeddingModel embeddings,
            Chunker chunker,
            SimilarityThresholds thresholds,
            int batchChunks,
            int storeBatchArticles) {
        this.archive = archive;
        this.embeddings = embeddings;
        this.chunker = chunker;
        this.thresholds = thresholds;
        this.batchChunks = batchChunks;
        this.storeBatchArticles = storeBatchArticles;
    }

    /** A run that reports into {@code report}; close it to store what is still pending. */
    public IngestRun startRun(IngestReport report) {
        return new IngestRun(archive, embeddings, chunker, thresholds, batchChunks, storeBatchArticles, report);
    }

    /**
     * Ingests one article and returns what happened to it.
     *
     * @throws ArticleReadException with the reason when it could not be stored
     */
    public IngestOutcome ingest(ParsedArticle parsed) {
        IngestReport report = new IngestReport();
        try (IngestRun run = startRun(report)) {
            run.accept("article", parsed);
        }
        if (!report.rejections().isEmpty()) {
            throw new ArticleReadException(report.rejections().get(0).reason());
        }
        for (IngestOutcome outcome : IngestOutcome.values()) {
            if (report.countOf(outcome) > 0) {
                return outcome;
            }
        }
        throw new IllegalStateException("an ingested article always has an outcome");
    }

    /**
     * Re-chunks and re-embeds a stored article from its stored text, as after a change of the
     * chunk size or of the chunking rule, and replaces its chunks in one atomic put: a failure
     * leaves the old chunks in place.
     *
     * @return the number of chunks it now has
     */
    public int reindex(Article article) {
        return reembed(List.of(article));
    }

    /**
     * Chunks and embeds stored articles again with this ingestor's model and stores them as they
     * are otherwise (id, dates, story), replacing any copy the archive has; one embedding call
     * and one store for the lot.
     *
     * @return the chunks stored
     */
    public int reembed(List<Article> articles) {
        List<StoredArticle> stored = embed(articles);
        archive.putAll(stored);
        return stored.stream().mapToInt(s -> s.chunks().size()).sum();
    }

    /**
     * Chunks and embeds articles as they are (id, dates, story), with one embedding call for the
     * lot, without storing them: for a caller that stores them itself, perhaps more than once.
     */
    public List<StoredArticle> embed(List<Article> articles) {
        List<TextSegment> segments = new ArrayList<>();
        List<ChunkedArticle> chunked = new ArrayList<>(articles.size());
        for (Article article : articles) {
            ChunkedArticle chunks = chunker.chunk(article);
            chunked.add(chunks);
            segments.addAll(chunks.segments());
        }
        List<Embedding> vectors =
                segments.isEmpty() ? List.of() : embeddings.embedAll(segments).content();
        List<StoredArticle> stored = new ArrayList<>(articles.size());
        int next = 0;
        for (int a = 0; a < articles.size(); a++) {
            stored.add(new StoredArticle(
                    articles.get(a), chunked.get(a).stored(articles.get(a).id(), vectors, next)));
            next += chunked.get(a).chunks().size();
        }
        return stored;
    }
}
