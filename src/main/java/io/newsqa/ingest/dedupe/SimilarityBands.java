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

    private record Read(ParsedArticle article, int[] buckets) {
    }

    private final PrintStream out;
    private final int samplesPerBand;
    private final long seed;

    public SimilarityBands(PrintStream out, int samplesPerBand, long seed) {
        this.out = out;
        this.samplesPerBand = samplesPerBand;
        this.seed = seed;
    }

    public void run(List<String> inputs) {
        List<Read> articles = read(inputs);
        int bands = (int) Math.round((1 - LOWEST) / WIDTH);
        long[] counts = new long[bands];
        List<List<int[]>> reservoirs = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            reservoirs.add(new ArrayList<>());
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
                int band = Math.min(bands - 1, (int) ((similarity - LOWEST + 1e-9) / WIDTH));
                long seen = ++counts[band];
                // Reservoir sampling: each pair of the band is equally likely to be shown.
                List<int[]> reservoir = reservoirs.get(band);
                if (reservoir.size() < samplesPerBand) {
                    reservoir.add(new int[] {i, j, equal});
                } else {
                    long slot = (long) (random.nextDouble() * seen);
                    if (slot < samplesPerBand) {
                        reservoir.set((int) slot, new int[] {i, j, equal});
                    }
                }
            }
        }
        long pairs = (long) articles.size() * (articles.size() - 1) / 2;
        out.printf("articles %d (distinct texts), pairs %d; MinHash %d buckets over word 3-shingles%n",
                articles.size(), pairs, buckets);
        out.printf("%-12s %10s%n", "similarity", "pairs");
        for (int b = bands - 1; b >= 0; b--) {
            out.printf("%-12s %10d%n", label(b), counts[b]);
        }
        for (int b = bands - 1; b >= 0; b--) {
            List<int[]> sample = reservoirs.get(b);
            sample.sort((x, y) -> Integer.compare(y[2], x[2]));
            out.printf("%n== band %s: %d of %d pairs ==%n", label(b), sample.size(), counts[b]);
            for (int[] pair : sample) {
                out.printf("%n-- similarity %.2f%n", (double) pair[2] / buckets);
                describe(articles.get(pair[0]).article());
                describe(articles.get(pair[1]).article());
            }
        }
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
                    articles.add(new Read(article, MinHashSignature.of(article.body()).bucketHashes()));
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
