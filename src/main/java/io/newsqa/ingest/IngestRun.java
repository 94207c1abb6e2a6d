package io.newsqa.ingest;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveLoad;
import io.newsqa.archive.Article;
import io.newsqa.archive.StoredArticle;
import io.newsqa.ingest.article.ArticleIdentity;
import io.newsqa.ingest.article.ArticleLength;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.ingest.dedupe.Fingerprint;
import io.newsqa.ingest.dedupe.NearDuplicates;
import io.newsqa.ingest.dedupe.SimilarityThresholds;
import io.newsqa.ingest.source.ArticleSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One ingest run: takes articles as the readers produce them, skips what is stored already or
 * copies it, and embeds the rest in batches that span articles, so the model always has a full
 * batch to spread over the cores. Three stages overlap: while one batch is embedded, the next is
 * read and chunked, and the one before is written to the archive.
 *
 * <p>Embedded articles are stored in groups of {@code storeBatchArticles} by one
 * {@link ArchiveIndex#putAll} (one commit per group, not per article). Each article is stored
 * atomically: a run killed at any moment leaves every article either fully stored or absent (the
 * group being written is lost whole), and the next run stores the absent ones and finds the
 * stored ones unchanged, so every article ends up stored exactly once.
 *
 * <p>{@link #stop()} (on SIGTERM) makes a clean checkpoint instead: no article is taken after
 * it, the ones already taken are still embedded and stored by {@link #close()}, and a rerun
 * goes on from there.
 *
 * <p>An article whose content a stored one already tells is a copy and is not stored; one that
 * tells a stored article and adds sentences is an update of it, and one that shares much of its
 * wording retells it ({@link SimilarityThresholds}): both are stored, linked to that article's
 * story ({@link Article#storyId()}). A new version of an article (same URL) keeps the story it
 * had, so its copies stay linked to it.
 *
 * <p>Several processes ingesting into one PostgreSQL archive at once: each article is claimed
 * ({@link ArchiveLoad}) before it is checked and embedded, and held until it is stored; an
 * article another run holds is left to that run. So no article is embedded or stored twice.
 */
public final class IngestRun implements ArticleSink, AutoCloseable {

    /** {@code update}: the stored article this one updates, with the sentences it adds; {@code null} for none. */
    private record Pending(
            String item,
            Article article,
            ChunkedArticle chunked,
            boolean replacing,
            boolean linked,
            NearDuplicates.Match update) {}

    private record Embedded(Pending pending, StoredArticle stored) {}

    private final ArchiveIndex archive;
    private final EmbeddingModel embeddings;
    private final Chunker chunker;
    private final NearDuplicates nearDuplicates;
    private final int batchChunks;
    private final int storeBatchArticles;
    private final IngestReport report;
    /** Claims on articles, and what the archive puts off until the run ends. */
    private final ArchiveLoad load;

    private final Map<String, String> idByHash = new HashMap<>();
    private final Map<String, String> hashById = new HashMap<>();
    private final Map<String, String> storyById = new HashMap<>();
    private final ExecutorService embedder = Executors.newSingleThreadExecutor(named("ingest-embed"));
    /** One thread, so articles are stored in the order they were read (a later version after an earlier one). */
    private final ExecutorService storer = Executors.newSingleThreadExecutor(named("ingest-store"));

    private final AtomicLong chunksStored = new AtomicLong();
    private List<Pending> pending = new ArrayList<>();
    /** Embedded articles waiting to be stored as one group; touched only by the storing thread. */
    private List<Embedded> embedded = new ArrayList<>();

    private int pendingChunks;
    private Future<?> inFlight;
    private volatile boolean stopped;

    IngestRun(
            ArchiveIndex archive,
            EmbeddingModel embeddings,
            Chunker chunker,
            SimilarityThresholds thresholds,
            int batchChunks,
            int storeBatchArticles,
            IngestReport report) {
        this.archive = archive;
        this.embeddings = embeddings;
        this.chunker = chunker;
        this.nearDuplicates = new NearDuplicates(archive, thresholds);
        this.batchChunks = Math.max(1, batchChunks);
        this.storeBatchArticles = Math.max(1, storeBatchArticles);
        this.report = report;
        try {
            this.load = archive.startLoad();
        } catch (RuntimeException e) {
            embedder.shutdown(); // the database is gone: nothing to run, no threads left behind
            storer.shutdown();
            throw e;
        }
    }

    public IngestReport report() {
        return report;
    }

    /** Chunks embedded and stored so far, for progress displays. */
    public long chunksStored() {
        return chunksStored.get();
    }

    /** Takes no more articles; {@link #close()} still stores those already taken. */
    public void stop() {
        stopped = true;
        report.stopEarly();
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    @Override
    public void reject(String item, String reason) {
        report.reject(item, reason);
    }

    @Override
    public void accept(String item, ParsedArticle parsed) {
        if (stopped) {
            return; // left for the next run
        }
        String tooLong = ArticleLength.refusal(parsed);
        if (tooLong != null) {
            report.reject(item, tooLong);
            return;
        }
        try {
            admit(item, parsed);
        } catch (RuntimeException e) {
            report.reject(item, "could not be stored: " + e.getMessage());
        }
    }

    private void admit(String item, ParsedArticle parsed) {
        String hash = ArticleIdentity.contentHash(parsed.body());
        String id = ArticleIdentity.articleId(parsed.url(), hash);
        String sameText = idByHash.get(hash);
        if (sameText == null) {
            if (!load.tryClaim(hash)) {
                // Remembered all the same: a near copy of it further on is a duplicate here too,
                // as it is for the run storing it (both read the same files in the same order).
                nearDuplicates.remember(id, id, Fingerprint.of(parsed.body()));
                report.count(IngestOutcome.ELSEWHERE);
                return;
            }
            // Claimed: no other run is storing this text now, so the archive has the last word.
            // (unless this run has since stored another version of that article over it)
            sameText = archive.findByContentHash(hash)
                    .map(Article::id)
                    .filter(stored -> hash.equals(hashById.getOrDefault(stored, hash)))
                    .orElse(null);
            if (sameText != null) {
                load.release(hash);
            }
        }
        if (sameText != null) {
            if (sameText.equals(id)) {
                report.count(IngestOutcome.UNCHANGED);
            } else {
                report.duplicate(item, sameText, true);
            }
            return;
        }
        Fingerprint fingerprint = Fingerprint.of(parsed.body());
        Optional<NearDuplicates.Match> closest =
                nearDuplicates.closestTo(id, parsed.title(), parsed.body(), parsed.language(), fingerprint);
        if (closest.isPresent() && closest.get().isCopy()) {
            load.release(hash);
            report.duplicate(item, closest.get().articleId(), false);
            return;
        }
        String earlierStory = storyById.containsKey(id)
                ? storyById.get(id)
                : archive.findArticle(id).map(Article::storyId).orElse(null);
        boolean replacing = earlierStory != null;
        // A new version keeps its story: copies linked to it stay linked, and an edit does not move it.
        String story = replacing
                ? earlierStory
                : closest.map(NearDuplicates.Match::storyId).orElse(id);
        if (pending.stream().anyMatch(p -> p.article().id().equals(id))) {
            flush(); // the later version must be stored after the earlier one
        }
        Article article = new Article(
                id,
                parsed.url(),
                parsed.title(),
                parsed.source(),
                parsed.publishedAt(),
                parsed.language(),
                hash,
                parsed.body(),
                story);
        ChunkedArticle chunked = chunker.chunk(article);
        idByHash.put(hash, id);
        hashById.put(id, hash);
        storyById.put(id, story);
        nearDuplicates.remember(id, story, fingerprint);
        NearDuplicates.Match update = closest.filter(match -> match.relation() == NearDuplicates.Relation.UPDATE)
                .orElse(null);
        pending.add(new Pending(
                item, article, chunked, replacing, !replacing && article.retellsAnother(), replacing ? null : update));
        pendingChunks += chunked.chunks().size();
        if (pendingChunks >= batchChunks) {
            flush();
        }
    }

    /** Hands the pending articles to the background thread once the previous batch is stored. */
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> batch = pending;
        pending = new ArrayList<>();
        pendingChunks = 0;
        awaitInFlight();
        inFlight = embedder.submit(() -> embed(batch));
    }

    /** Runs on the embedding thread; hands the vectors to the storing thread, so the model never waits for disk. */
    private void embed(List<Pending> batch) {
        List<TextSegment> segments = new ArrayList<>();
        for (Pending p : batch) {
            segments.addAll(p.chunked().segments());
        }
        List<Embedding> vectors;
        try {
            vectors = segments.isEmpty()
                    ? List.of()
                    : embeddings.embedAll(segments).content();
        } catch (RuntimeException e) {
            batch.forEach(p -> {
                report.reject(p.item(), "could not be embedded: " + e.getMessage());
                releaseQuietly(p.article().contentHash());
            });
            return;
        }
        storer.execute(() -> store(batch, vectors));
    }

    /** Runs on the storing thread: collects embedded articles until a group is complete, then stores it. */
    private void store(List<Pending> batch, List<Embedding> vectors) {
        int next = 0;
        for (Pending p : batch) {
            embedded.add(new Embedded(
                    p,
                    new StoredArticle(
                            p.article(), p.chunked().stored(p.article().id(), vectors, next))));
            next += p.chunked().chunks().size();
        }
        if (embedded.size() >= storeBatchArticles) {
            storeEmbedded();
        }
    }

    /**
     * Stores the collected articles with one durable write. When that fails, each is stored on its
     * own, so that one bad article is rejected by name and the others are still stored.
     */
    private void storeEmbedded() {
        if (embedded.isEmpty()) {
            return;
        }
        List<Embedded> group = embedded;
        embedded = new ArrayList<>();
        try {
            archive.putAll(group.stream().map(Embedded::stored).toList());
            group.forEach(this::counted);
        } catch (RuntimeException groupFailure) {
            for (Embedded e : group) {
                try {
                    archive.put(e.stored().article(), e.stored().chunks());
                    counted(e);
                } catch (RuntimeException e2) {
                    report.reject(e.pending().item(), "could not be stored: " + e2.getMessage());
                }
            }
        } finally {
            // Claims are held until the article is stored (or given up), so no other run embeds it meanwhile.
            for (Embedded e : group) {
                releaseQuietly(e.pending().article().contentHash());
            }
        }
    }

    private void counted(Embedded e) {
        report.count(e.pending().replacing() ? IngestOutcome.UPDATED : IngestOutcome.ADDED);
        if (e.pending().update() != null) {
            report.update(
                    e.pending().item(),
                    e.pending().update().articleId(),
                    e.pending().update().addedSentences().size());
        } else if (e.pending().linked()) {
            report.linkedToStory();
        }
        chunksStored.addAndGet(e.stored().chunks().size());
    }

    /** A claim that cannot be released (database gone) ends with the session anyway. */
    private void releaseQuietly(String contentHash) {
        try {
            load.release(contentHash);
        } catch (RuntimeException e) {
            // See above.
        }
    }

    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted while storing a batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedding a batch failed: " + e.getCause(), e.getCause());
        } finally {
            inFlight = null;
        }
    }

    /** Embeds and stores what is still pending, and waits until it is stored. */
    @Override
    public void close() {
        try {
            flush();
            awaitInFlight();
        } finally {
            storer.execute(this::storeEmbedded);
            embedder.shutdown();
            storer.shutdown();
            try {
                if (!storer.awaitTermination(1, TimeUnit.HOURS)) {
                    throw new IllegalStateException("storing the last articles took over an hour");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("ingest interrupted while storing the last articles", e);
            } finally {
                load.close();
            }
        }
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
