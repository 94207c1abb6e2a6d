package io.newsqa.retrieve.bench;

import io.newsqa.archive.ArchiveCopy;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.StoredArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * A large archive for search benchmarks made from a small real one, because embedding 100k chunks
 * takes hours on a shared machine: every stored article {@code copies} times, the first copy as
 * stored, each other one under a new id, URL, content hash and story, with the same text and its
 * chunk vectors moved by Gaussian noise of {@code sigma} per dimension and renormalised (cosine
 * about 0.98 to the original at sigma 0.01 and 384 dimensions).
 *
 * <p>What this keeps and what it does not: lexical statistics keep their shape (each term's
 * postings {@code copies} times as long, idf unchanged), while the dense search meets clusters of
 * near copies, which make HNSW work harder than real news would. The noise depends only on the
 * seed, the article id, the copy and the chunk, so two targets filled from one source (the
 * embedded archive and PostgreSQL) hold the same vectors.
 */
public final class ArchiveCopies {

    private final int copies;
    private final double sigma;
    private final long seed;

    /**
     * @param copies how many times each article is stored, the original included (at least 1)
     * @param sigma  the standard deviation of the noise added to each vector component
     * @param seed   the noise's seed
     */
    public ArchiveCopies(int copies, double sigma, long seed) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1, was " + copies);
        }
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("sigma must be 0 or more, was " + sigma);
        }
        this.copies = copies;
        this.sigma = sigma;
        this.seed = seed;
    }

    /**
     * Stores every article of {@code from} {@code copies} times in {@code to}, in one load.
     *
     * @param progress told the number of articles stored so far after each batch
     */
    public ArchiveCopy.Report fill(ArchiveIndex from, ArchiveIndex to, LongConsumer progress) {
        return ArchiveCopy.copyEach(
                from,
                to,
                stored -> IntStream.range(0, copies)
                        .mapToObj(copy -> copy(stored, copy))
                        .toList(),
                progress);
    }

    /** Copy {@code copy} of an article: 0 is the article as stored. */
    StoredArticle copy(StoredArticle stored, int copy) {
        if (copy == 0) {
            return stored;
        }
        Article original = stored.article();
        String id = renamed(original.id(), copy);
        Article article = new Article(
                id,
                original.url() == null ? null : original.url() + "#copy-" + copy,
                original.title(),
                original.source(),
                original.publishedAt(),
                original.language(),
                renamed(original.contentHash(), copy),
                original.body(),
                renamed(original.storyId(), copy));
        List<Chunk> chunks = new ArrayList<>(stored.chunks().size());
        for (Chunk chunk : stored.chunks()) {
            SplittableRandom random = new SplittableRandom(
                    seed ^ (31L * original.id().hashCode() + copy) * 0x9E3779B97F4A7C15L + chunk.ordinal());
            chunks.add(new Chunk(id, chunk.ordinal(), chunk.text(), perturbed(chunk.embedding(), random)));
        }
        return new StoredArticle(article, chunks);
    }

    private static String renamed(String value, int copy) {
        return value + "-copy-" + copy;
    }

    private float[] perturbed(float[] vector, SplittableRandom random) {
        double[] moved = new double[vector.length];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            moved[i] = vector[i] + sigma * gaussian(random);
            norm += moved[i] * moved[i];
        }
        double length = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (moved[i] / length);
        }
        return unit;
    }

    /** A standard normal value (Box-Muller), from the given generator only. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
