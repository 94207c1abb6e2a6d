package io.newsqa.ingest;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.archive.ArticleSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-chunks and re-embeds the whole archive from the stored texts, in the background, one run at
 * a time; its progress is read with {@link #status()}. Each article is replaced atomically, so a
 * run stopped half-way leaves every article with either its old or its new chunks.
 */
public final class Reindexing implements AutoCloseable {

    /** The state of the latest run. */
    public enum State {
        IDLE,
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * @param total      articles to re-index in this run
     * @param reindexed  articles re-indexed so far
     * @param failed     articles that could not be re-indexed (deleted meanwhile, or storage errors)
     * @param lastError  the latest failure, or {@code null}
     */
    public record Status(
            State state,
            int total,
            int reindexed,
            int failed,
            Instant startedAt,
            Instant finishedAt,
            String lastError) {

        static Status idle() {
            return new Status(State.IDLE, 0, 0, 0, null, null, null);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Reindexing.class);
    private static final int PAGE = 500;

    private final ArchiveIndex archive;
    private final ArticleIngestor ingestor;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reindex");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Status status = Status.idle();

    public Reindexing(ArchiveIndex archive, ArticleIngestor ingestor, Clock clock) {
        this.archive = archive;
        this.ingestor = ingestor;
        this.clock = clock;
    }

    public Status status() {
        return status;
    }

    /** Re-indexes one article now; empty when there is no such article. */
    public Optional<Integer> reindex(String articleId) {
        return archive.findArticle(articleId).map(ingestor::reindex);
    }

    /**
     * Starts re-indexing every stored article unless a run is going on.
     *
     * @return the status of the run started, or empty when one is running already
     */
    public synchronized Optional<Status> start() {
        if (status.state() == State.RUNNING) {
            return Optional.empty();
        }
        // The ids first: re-storing an article moves it to the front of the listing, so paging
        // while re-indexing would skip some and repeat others.
        List<String> ids = new ArrayList<>();
        for (List<ArticleSummary> page = archive.listArticles(0, PAGE);
                !page.isEmpty();
                page = archive.listArticles(ids.size(), PAGE)) {
            page.forEach(summary -> ids.add(summary.id()));
        }
        status = new Status(State.RUNNING, ids.size(), 0, 0, clock.instant(), null, null);
        worker.execute(() -> run(ids));
        return Optional.of(status);
    }

    private void run(List<String> ids) {
        int done = 0;
        int failed = 0;
        String lastError = null;
        try {
            for (String id : ids) {
                try {
                    Optional<Article> article = archive.findArticle(id);
                    if (article.isPresent()) {
                        ingestor.reindex(article.get());
                        done++;
                    } else {
                        failed++;
                        lastError = id + ": deleted while the re-index ran";
                    }
                } catch (RuntimeException e) {
                    failed++;
                    lastError = id + ": " + e.getMessage();
                    log.warn("Re-indexing article {} failed: {}", id, e.getMessage());
                }
                status = new Status(State.RUNNING, ids.size(), done, failed, status.startedAt(), null, lastError);
            }
            status = new Status(
                    failed == 0 ? State.DONE : State.FAILED,
                    ids.size(),
                    done,
                    failed,
                    status.startedAt(),
                    clock.instant(),
                    lastError);
            log.info("Re-index finished: {} articles re-indexed, {} failed", done, failed);
        } catch (RuntimeException e) {
            status = new Status(
                    State.FAILED, ids.size(), done, failed, status.startedAt(), clock.instant(), e.getMessage());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
