package io.newsqa.ingest;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveLoad;
import io.newsqa.archive.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Fills an archive from one of another embedding model: every article's stored text is chunked
 * and embedded again with the target's model ({@link ArticleIngestor#reembed}) and stored with its
 * id, dates and story unchanged. The way to change models, since vectors of two models are never
 * mixed in one archive. Articles the target already holds are skipped, so an interrupted run is
 * simply run again.
 */
public final class Reembedding {

    /** What a run did. */
    public record Report(long examined, long reembedded, long alreadyThere, long chunks, double seconds) {

        public String summary() {
            return String.format(
                    "Re-embedded %,d articles into %,d chunks in %.1f s (%.1f articles/s); %,d of %,d were there already.",
                    reembedded, chunks, seconds, reembedded / Math.max(seconds, 1e-3), alreadyThere, examined);
        }
    }

    /** Articles embedded and stored together: one embedding call over all their chunks, one commit. */
    static final int BATCH = 50;

    private Reembedding() {}

    /**
     * @param into     stores into the target archive with the target's model and chunker
     * @param progress told the number of articles examined so far after each batch
     */
    public static Report run(ArchiveIndex from, ArchiveIndex to, ArticleIngestor into, LongConsumer progress) {
        long start = System.nanoTime();
        long[] counts = new long[4];
        List<Article> batch = new ArrayList<>(BATCH);
        // One load: the target may put work off until all is stored (PostgreSQL: its vector index).
        try (ArchiveLoad load = to.startLoad()) {
            from.forEachArticle(stored -> {
                counts[0]++;
                if (to.findArticle(stored.article().id()).isPresent()) {
                    counts[2]++;
                } else {
                    batch.add(stored.article());
                }
                if (batch.size() == BATCH) {
                    store(batch, into, counts);
                    progress.accept(counts[0]);
                }
            });
            store(batch, into, counts);
        }
        progress.accept(counts[0]);
        return new Report(counts[0], counts[1], counts[2], counts[3], (System.nanoTime() - start) / 1e9);
    }

    private static void store(List<Article> batch, ArticleIngestor into, long[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        counts[3] += into.reembed(batch);
        counts[1] += batch.size();
        batch.clear();
    }
}
