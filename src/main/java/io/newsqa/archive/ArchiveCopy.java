package io.newsqa.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Copies every article of one archive into another with the chunks and vectors as stored: a
 * newsroom moving from the embedded archive to PostgreSQL (or back) embeds nothing again.
 * Articles the target already has under the same id are replaced, so a copy that was
 * interrupted can simply be run again.
 */
public final class ArchiveCopy {

    /** What a copy did. */
    public record Report(long articles, long chunks, double seconds) {

        public String summary() {
            return String.format(
                    "Copied %,d articles with %,d chunks in %.1f s (%.0f chunks/s).",
                    articles, chunks, seconds, chunks / Math.max(seconds, 1e-3));
        }
    }

    /** Articles stored together: one commit each for the embedded archive (see {@link ArchiveIndex#putAll}). */
    private static final int BATCH = 200;

    private ArchiveCopy() {}

    private static void store(List<StoredArticle> batch, ArchiveIndex to, long[] counts, LongConsumer progress) {
        if (batch.isEmpty()) {
            return;
        }
        to.putAll(batch);
        counts[0] += batch.size();
        counts[1] += batch.stream().mapToLong(stored -> stored.chunks().size()).sum();
        batch.clear();
        progress.accept(counts[0]);
    }

    /**
     * @param progress told the number of articles copied so far after each batch
     * @throws IllegalArgumentException when the archives hold vectors of different dimensions
     */
    public static Report copy(ArchiveIndex from, ArchiveIndex to, LongConsumer progress) {
        return copyEach(from, to, List::of, progress);
    }

    /**
     * Stores what {@code each} makes of every article of {@code from} (the article itself, or
     * several articles made from it) into {@code to}, in one load.
     *
     * @param progress told the number of articles stored so far after each batch
     * @throws IllegalArgumentException when the archives hold vectors of different dimensions
     */
    public static Report copyEach(
            ArchiveIndex from,
            ArchiveIndex to,
            Function<StoredArticle, List<StoredArticle>> each,
            LongConsumer progress) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.dimension() != to.dimension()) {
            throw new IllegalArgumentException(
                    "The archives hold vectors of different sizes (" + from.dimension() + " and " + to.dimension()
                            + " dimensions); a copy would mix embedding models. Ingest the sources into the target instead.");
        }
        long start = System.nanoTime();
        long[] counts = new long[2];
        List<StoredArticle> batch = new ArrayList<>(BATCH);
        // One load: the target may put work off until all is stored (PostgreSQL: its vector index).
        try (ArchiveLoad load = to.startLoad()) {
            from.forEachArticle(stored -> {
                for (StoredArticle made : each.apply(stored)) {
                    batch.add(made);
                    if (batch.size() == BATCH) {
                        store(batch, to, counts, progress);
                    }
                }
            });
            store(batch, to, counts, progress);
        }
        return new Report(counts[0], counts[1], (System.nanoTime() - start) / 1e9);
    }
}
