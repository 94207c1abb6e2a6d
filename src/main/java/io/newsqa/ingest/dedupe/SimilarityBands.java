package io.newsqa.ingest.dedupe;

import io.newsqa.ingest.ArticleIdentity;
import io.newsqa.ingest.ParsedArticle;
import io.newsqa.ingest.source.ArticleSink;
import io.newsqa.ingest.source.FieldMapping;
import io.newsqa.ingest.source.SourceReaders;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Measures where the same-story threshold belongs: every pair of articles of some dumps by MinHash
 * similarity band, with a random sample of each band's pairs printed side by side (outlet, date,
 * headline, opening) so that a reader can count how many are really one story told twice
 * ({@code newsqa bench-stories}, figures in docs/ingest.md). Exact copies (same text) are left out:
 * they are never stored twice anyway.
 */
public final class SimilarityBands {

    private static final double LOWEST = 0.1;
    private static final double WIDTH = 0.1;
    private static final int OPENING = 220;

    private record Read(ParsedArticle article, int[] buckets, MinHashSignature signature) {
    }

    private final PrintStream out;
    private final int samplesPerBand;
    private final long seed;

    public SimilarityBands(PrintStream out, int samplesPerBand, long seed) {
        this.out = out;
        this.samplesPerBand = samplesPerBand;
        this.seed = seed;
    }

    /** Pairs counted per band, and a uniform sample of each band's pairs ({i, j, equal buckets}). */
    private record Bands(long[] counts, List<List<int[]>> samples) {
    }

    public void run(List<String> inputs) {
        List<Read> articles = read(inputs);
        Bands bands = count(articles);
        out.printf("articles %d (distinct texts), pairs %d; MinHash %d buckets over word 3-shingles%n",
                articles.size(), (long) articles.size() * (articles.size() - 1) / 2, MinHashSignature.BUCKETS);
        out.printf("%-12s %10s%n", "similarity", "pairs");
        for (int b = bands.counts().length - 1; b >= 0; b--) {
            out.printf("%-12s %10d%n", label(b), bands.counts()[b]);
        }
        detect(articles, new SimilarityThresholds(SimilarityThresholds.DEFAULT.copy(), SimilarityThresholds.DEFAULT.copy()));
        detect(articles, SimilarityThresholds.DEFAULT);
        printSamples(articles, bands);
    }

    /** Every pair compared, bucket by bucket. */
    private Bands count(List<Read> articles) {
        int bandCount = (int) Math.round((1 - LOWEST) / WIDTH);
        long[] counts = new long[bandCount];
        List<List<int[]>> samples = new ArrayList<>();
        for (int b = 0; b < bandCount; b++) {
            samples.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int buckets = MinHashSignature.BUCKETS;
        for (int i = 0; i < articles.size(); i++) {
            int[] a = articles.get(i).buckets();
            for (int j = i + 1; j < articles.size(); j++) {
                int[] b = articles.get(j).buckets();
                if (a.length != buckets || b.length != buckets) {
                    continue;
                }
                int equal = 0;
                for (int k = 0; k < buckets; k++) {
                    if (a[k] == b[k]) {
                        equal++;
                    }
                }
                double similarity = (double) equal / buckets;
                if (similarity < LOWEST) {
                    continue;
                }
                int band = Math.min(bandCount - 1, (int) ((similarity - LOWEST + 1e-9) / WIDTH));
                long seen = ++counts[band];
                // Reservoir sampling: each pair of the band is equally likely to be shown.
                List<int[]> sample = samples.get(band);
                if (sample.size() < samplesPerBand) {
                    sample.add(new int[] {i, j, equal});
                } else {
                    long slot = (long) (random.nextDouble() * seen);
                    if (slot < samplesPerBand) {
                        sample.set((int) slot, new int[] {i, j, equal});
                    }
                }
            }
        }
        return new Bands(counts, samples);
    }

    private void printSamples(List<Read> articles, Bands bands) {
        for (int b = bands.counts().length - 1; b >= 0; b--) {
            List<int[]> sample = bands.samples().get(b);
            sample.sort((x, y) -> Integer.compare(y[2], x[2]));
            out.printf("%n== band %s: %d of %d pairs ==%n", label(b), sample.size(), bands.counts()[b]);
            for (int[] pair : sample) {
                out.printf("%n-- similarity %.2f%n", (double) pair[2] / MinHashSignature.BUCKETS);
                describe(articles.get(pair[0]).article());
                describe(articles.get(pair[1]).article());
            }
        }
    }

    /**
     * The detector as an ingest run into an empty archive uses it (this run's articles, in reading
     * order): how many articles it takes for copies, how many it links to an earlier story, and
     * what that costs.
     */
    private void detect(List<Read> articles, SimilarityThresholds thresholds) {
        NearDuplicates detector = NearDuplicates.amongRemembered(thresholds);
        int copies = 0;
        int linked = 0;
        long started = System.nanoTime();
        for (Read read : articles) {
            ParsedArticle article = read.article();
            String id = ArticleIdentity.articleId(article.url(), ArticleIdentity.contentHash(article.body()));
            Optional<NearDuplicates.Match> closest = detector.closestTo(id, article.body(), article.language(), read.signature());
            if (closest.isPresent() && thresholds.isCopy(closest.get().similarity())) {
                copies++;
                continue;
            }
            linked += closest.isPresent() ? 1 : 0;
            detector.remember(id, closest.map(NearDuplicates.Match::storyId).orElse(id), read.signature());
        }
        out.printf("detector at copy %.2f / same story %.2f: %d copies not stored, %d stored linked to an earlier"
                        + " story, %d own stories; %.0f ms (%.2f ms per article)%n", thresholds.copy(),
                thresholds.sameStory(), copies, linked, articles.size() - copies - linked,
                (System.nanoTime() - started) / 1e6, (System.nanoTime() - started) / 1e6 / articles.size());
    }

    private static String label(int band) {
        double from = LOWEST + band * WIDTH;
        return String.format("%.1f-%.1f", from, from + WIDTH);
    }

    private void describe(ParsedArticle article) {
        String body = article.body().replaceAll("\\s+", " ");
        out.printf("   [%s %s] %s%n   %s%n", article.source(), article.publishedAt(), article.title(),
                body.substring(0, Math.min(OPENING, body.length())));
    }

    private static List<Read> read(List<String> inputs) {
        List<Read> articles = Collections.synchronizedList(new ArrayList<>());
        Set<String> texts = new HashSet<>();
        new SourceReaders(FieldMapping.DEFAULT, Duration.ofSeconds(20)).read(inputs, new ArticleSink() {
            @Override
            public void accept(String item, ParsedArticle article) {
                if (texts.add(ArticleIdentity.contentHash(article.body()))) {
                    MinHashSignature signature = MinHashSignature.of(article.body());
                    articles.add(new Read(article, signature.bucketHashes(), signature));
                }
            }

            @Override
            public void reject(String item, String reason) {
                // not an article: nothing to compare
            }
        }, bytes -> { });
        return articles;
    }
}
