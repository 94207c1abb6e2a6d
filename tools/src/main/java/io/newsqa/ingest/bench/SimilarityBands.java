package io.newsqa.ingest.bench;

import io.newsqa.ingest.article.ArticleIdentity;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.ingest.dedupe.Fingerprint;
import io.newsqa.ingest.dedupe.MinHashSignature;
import io.newsqa.ingest.dedupe.NearDuplicates;
import io.newsqa.ingest.dedupe.SimilarityThresholds;
import io.newsqa.ingest.source.ArticleSink;
import io.newsqa.ingest.source.FieldMapping;
import io.newsqa.ingest.source.SourceReaders;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Measures where the same-story threshold belongs: every pair of articles of some dumps by MinHash
 * similarity band, with a random sample of each band's pairs printed side by side (outlet, date,
 * headline, opening) so that a reader can count how many are really one story told twice
 * ({@code newsqa bench-stories}, figures in docs/reference/ingest.md). Exact copies (same text) are left out:
 * they are never stored twice anyway.
 */
public final class SimilarityBands {

    private static final double LOWEST = 0.1;
    private static final double WIDTH = 0.1;
    private static final int OPENING = 220;

    /** Jaccard similarity from which the earlier detector took an article for a copy; kept ones above it are shown. */
    private static final double EARLIER_COPY = 0.6;

    private record Read(String id, ParsedArticle article, int[] buckets, Fingerprint fingerprint) {}

    private final PrintStream out;
    private final int samplesPerBand;
    private final long seed;
    private final SimilarityThresholds thresholds;
    private final int keptSamples;

    /**
     * @param keptSamples articles shown that the detector stores (as updates) although their
     *                    similarity to the related article is {@value #EARLIER_COPY} or more (a
     *                    copy by Jaccard similarity): to read whether they add content
     */
    public SimilarityBands(
            PrintStream out, int samplesPerBand, long seed, SimilarityThresholds thresholds, int keptSamples) {
        this.out = out;
        this.samplesPerBand = samplesPerBand;
        this.seed = seed;
        this.thresholds = thresholds;
        this.keptSamples = keptSamples;
    }

    /** The detector alone, over the articles in reading order (no pair counting: fast on many days). */
    public void runDetector(List<String> inputs) {
        List<Read> articles = read(inputs);
        out.printf("articles %d (distinct texts)%n", articles.size());
        detect(articles);
    }

    /** Pairs counted per band, and a uniform sample of each band's pairs ({i, j, equal buckets}). */
    private record Bands(long[] counts, List<List<int[]>> samples) {}

    public void run(List<String> inputs) {
        List<Read> articles = read(inputs);
        Bands bands = count(articles);
        out.printf(
                "articles %d (distinct texts), pairs %d; MinHash %d buckets over word 3-shingles%n",
                articles.size(), (long) articles.size() * (articles.size() - 1) / 2, MinHashSignature.BUCKETS);
        out.printf("%-12s %10s%n", "similarity", "pairs");
        for (int b = bands.counts().length - 1; b >= 0; b--) {
            out.printf("%-12s %10d%n", label(b), bands.counts()[b]);
        }
        detect(articles);
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
     * order): how many articles it takes for copies, how many it stores as updates or links as
     * retellings, and what that costs; then a random sample of the updates an earlier detector
     * (Jaccard from {@value #EARLIER_COPY}) took for copies, with the sentences they add.
     */
    private void detect(List<Read> articles) {
        NearDuplicates detector = NearDuplicates.amongRemembered(thresholds);
        Map<String, Read> byId = new HashMap<>();
        List<String[]> keptCopies = new ArrayList<>();
        int copies = 0;
        int updates = 0;
        int retellings = 0;
        long started = System.nanoTime();
        for (Read read : articles) {
            ParsedArticle article = read.article();
            Optional<NearDuplicates.Match> closest = detector.closestTo(
                    read.id(), article.title(), article.body(), article.language(), read.fingerprint());
            if (closest.isPresent() && closest.get().isCopy()) {
                copies++;
                continue;
            }
            if (closest.isPresent() && closest.get().relation() == NearDuplicates.Relation.UPDATE) {
                updates++;
                if (closest.get().similarity() >= EARLIER_COPY) {
                    keptCopies.add(new String[] {
                        read.id(),
                        closest.get().articleId(),
                        String.format("%.2f", closest.get().similarity()),
                        String.join(
                                System.lineSeparator() + "      + ",
                                closest.get().addedSentences())
                    });
                }
            } else if (closest.isPresent()) {
                retellings++;
            }
            byId.put(read.id(), read);
            detector.remember(
                    read.id(), closest.map(NearDuplicates.Match::storyId).orElse(read.id()), read.fingerprint());
        }
        double millis = (System.nanoTime() - started) / 1e6;
        out.printf(
                "detector at copy containment %.2f / same story %.2f: %d copies not stored, %d updates and %d retellings"
                        + " stored linked to an earlier story, %d own stories; %d of the updates at Jaccard >= %.1f;"
                        + " %.0f ms (%.2f ms per article)%n",
                thresholds.copy(),
                thresholds.sameStory(),
                copies,
                updates,
                retellings,
                articles.size() - copies - updates - retellings,
                keptCopies.size(),
                EARLIER_COPY,
                millis,
                millis / articles.size());
        Collections.shuffle(keptCopies, new Random(seed));
        for (String[] kept : keptCopies.subList(0, Math.min(keptSamples, keptCopies.size()))) {
            out.printf("%n-- update at Jaccard %s%n", kept[2]);
            describe(byId.get(kept[1]).article());
            describe(byId.get(kept[0]).article());
            out.printf("   adds:%n      + %s%n", kept[3]);
        }
    }

    private static String label(int band) {
        double from = LOWEST + band * WIDTH;
        return String.format("%.1f-%.1f", from, from + WIDTH);
    }

    private void describe(ParsedArticle article) {
        String body = article.body().replaceAll("\\s+", " ");
        out.printf(
                "   [%s %s] %s%n   %s%n",
                article.source(),
                article.publishedAt(),
                article.title(),
                body.substring(0, Math.min(OPENING, body.length())));
    }

    private static List<Read> read(List<String> inputs) {
        List<Read> articles = Collections.synchronizedList(new ArrayList<>());
        Set<String> texts = new HashSet<>();
        new SourceReaders(FieldMapping.DEFAULT, Duration.ofSeconds(20))
                .read(
                        inputs,
                        new ArticleSink() {
                            @Override
                            public void accept(String item, ParsedArticle article) {
                                String hash = ArticleIdentity.contentHash(article.body());
                                if (texts.add(hash)) {
                                    Fingerprint fingerprint = Fingerprint.of(article.body());
                                    articles.add(new Read(
                                            ArticleIdentity.articleId(article.url(), hash),
                                            article,
                                            fingerprint.signature().bucketHashes(),
                                            fingerprint));
                                }
                            }

                            @Override
                            public void reject(String item, String reason) {
                                // not an article: nothing to compare
                            }
                        },
                        bytes -> {});
        return articles;
    }
}
