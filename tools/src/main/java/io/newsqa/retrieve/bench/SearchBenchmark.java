package io.newsqa.retrieve.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveStats;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.text.LanguageDetection;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Search latency and HNSW recall on the archive as it is: the questions are headlines of stored
 * articles (a reader asking about a story by its headline), sampled evenly over the archive.
 *
 * <p>Recall@k of the dense search at a given {@code ef_search} is measured against exact search:
 * every stored vector is read back ({@link ArchiveIndex#forEachArticle}) and compared with the
 * question's by brute force, the same ground truth for both archive implementations.
 */
public final class SearchBenchmark {

    /** One measured row: a search kind at a setting, its latency and (dense only) its recall. */
    public record Row(String search, String setting, double p50Millis, double p95Millis, Double recall) {}

    private final ArchiveIndex archive;
    private final EmbeddingModel embeddings;
    private final HybridSearch hybrid;
    private final PrintStream out;

    public SearchBenchmark(ArchiveIndex archive, EmbeddingModel embeddings, HybridSearch hybrid, PrintStream out) {
        this.archive = archive;
        this.embeddings = embeddings;
        this.hybrid = hybrid;
        this.out = out;
    }

    /**
     * @param questions  how many headlines to ask
     * @param k          the depth of recall (recall@k) and of each dense search
     * @param efSearches the candidate list sizes to measure dense search at
     * @param passages   passages per hybrid search (as /api/search and /api/ask ask for)
     */
    public List<Row> run(int questions, int k, List<Integer> efSearches, int passages) {
        return run(questions, List.of(), k, efSearches, passages);
    }

    /**
     * @param given questions to ask instead of headlines (all of them; {@code questions} is then
     *              ignored): the lexical and hybrid rows are then given per language, since an
     *              Arabic and an English question take different paths (dense weight, translation)
     */
    public List<Row> run(int questions, List<String> given, int k, List<Integer> efSearches, int passages) {
        ArchiveStats stats = archive.stats();
        StoredVectors stored = StoredVectors.read(archive);
        if (stored.keys.isEmpty()) {
            throw new IllegalStateException("The archive is empty: ingest articles first (newsqa ingest ...).");
        }
        List<String> asked = given.isEmpty() ? stored.headlines(questions) : given;
        out.printf(
                "archive: %,d articles, %,d chunks; %d questions (%s), recall@%d%n",
                stats.articles(),
                stats.chunks(),
                asked.size(),
                given.isEmpty() ? "headlines of stored articles" : "given",
                k);

        List<Row> rows = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        Histogram embedding = histogram();
        for (String question : asked) {
            long start = System.nanoTime();
            vectors.add(embeddings.embed(question).content().vector());
            embedding.recordValue(System.nanoTime() - start);
        }
        rows.add(row("query embedding", "-", embedding, null));

        List<Set<String>> exact = new ArrayList<>();
        for (float[] vector : vectors) {
            exact.add(stored.nearest(vector, k));
        }
        for (int efSearch : efSearches) {
            denseOnce(vectors, k, efSearch); // warm the graph into the caches, as a serving archive is
            Histogram latency = histogram();
            double recall = 0;
            for (int i = 0; i < vectors.size(); i++) {
                long start = System.nanoTime();
                List<ChunkHit> found = archive.denseSearch(vectors.get(i), k, SearchFilter.none(), efSearch);
                latency.recordValue(System.nanoTime() - start);
                recall += overlap(found, exact.get(i))
                        / (double) Math.min(k, exact.get(i).size());
            }
            rows.add(row("dense (HNSW)", "ef_search " + efSearch, latency, recall / vectors.size()));
        }
        Map<String, List<String>> byLanguage = given.isEmpty()
                ? Map.of("", asked)
                : asked.stream()
                        .collect(Collectors.groupingBy(LanguageDetection::detect, TreeMap::new, Collectors.toList()));
        byLanguage.forEach((language, group) -> {
            String suffix = language.isEmpty() ? "" : ", " + language + " (" + group.size() + ")";
            rows.add(timed(
                    "lexical (BM25)" + suffix,
                    "-",
                    group,
                    question ->
                            archive.lexicalSearch(question, language(question), 4 * passages, SearchFilter.none())));
            rows.add(timed(
                    "hybrid, as /api/search" + suffix,
                    passages + " passages",
                    group,
                    question -> hybrid.search(question, language(question), SearchFilter.none(), passages)));
        });
        return rows;
    }

    private static String language(String question) {
        return LanguageDetection.detect(question);
    }

    private void denseOnce(List<float[]> vectors, int k, int efSearch) {
        for (float[] vector : vectors) {
            archive.denseSearch(vector, k, SearchFilter.none(), efSearch);
        }
    }

    private interface Search {
        Object run(String question);
    }

    private static Row timed(String name, String setting, List<String> questions, Search search) {
        questions.forEach(search::run); // warm-up pass
        Histogram latency = histogram();
        for (String question : questions) {
            long start = System.nanoTime();
            search.run(question);
            latency.recordValue(System.nanoTime() - start);
        }
        return row(name, setting, latency, null);
    }

    private static int overlap(List<ChunkHit> found, Set<String> exact) {
        Set<String> keys = new HashSet<>();
        found.forEach(hit -> keys.add(hit.key()));
        keys.retainAll(exact);
        return keys.size();
    }

    private static Histogram histogram() {
        return new Histogram(3);
    }

    private static Row row(String search, String setting, Histogram nanos, Double recall) {
        return new Row(
                search, setting, nanos.getValueAtPercentile(50) / 1e6, nanos.getValueAtPercentile(95) / 1e6, recall);
    }

    /** The rows as a Markdown table. */
    public static String table(String archiveName, List<Row> rows) {
        StringBuilder table =
                new StringBuilder("| archive | search | setting | p50 ms | p95 ms | recall@10 vs exact |\n");
        table.append("|---|---|---|---:|---:|---:|\n");
        for (Row row : rows) {
            table.append(String.format(
                    "| %s | %s | %s | %.1f | %.1f | %s |%n",
                    archiveName,
                    row.search(),
                    row.setting(),
                    row.p50Millis(),
                    row.p95Millis(),
                    row.recall() == null ? "" : String.format("%.3f", row.recall())));
        }
        return table.toString();
    }

    /** Every stored chunk vector, unit length, with its chunk's key, and the headlines. */
    static final class StoredVectors {

        private final List<String> keys = new ArrayList<>();
        private final List<float[]> units = new ArrayList<>();
        private final List<String> headlines = new ArrayList<>();

        static StoredVectors read(ArchiveIndex archive) {
            StoredVectors stored = new StoredVectors();
            archive.forEachArticle(article -> {
                stored.headlines.add(article.article().title());
                for (Chunk chunk : article.chunks()) {
                    stored.keys.add(new ChunkHit(article.article(), chunk.ordinal(), "", 0).key());
                    stored.units.add(unit(chunk.embedding()));
                }
            });
            return stored;
        }

        /** {@code count} headlines spread evenly over the archive's order, blank ones skipped. */
        List<String> headlines(int count) {
            List<String> picked = new ArrayList<>();
            int step = Math.max(1, headlines.size() / Math.max(1, count));
            for (int i = 0; i < headlines.size() && picked.size() < count; i += step) {
                if (!headlines.get(i).isBlank()) {
                    picked.add(headlines.get(i));
                }
            }
            return picked;
        }

        /** Keys of the k chunks with the highest cosine similarity, by comparing with every one. */
        Set<String> nearest(float[] query, int k) {
            float[] q = unit(query);
            int[] best = new int[k];
            float[] bestScores = new float[k];
            int filled = 0;
            for (int i = 0; i < units.size(); i++) {
                float score = dot(q, units.get(i));
                if (filled < k || score > bestScores[filled - 1]) {
                    int at = Math.min(filled, k - 1);
                    while (at > 0 && bestScores[at - 1] < score) {
                        bestScores[at] = bestScores[at - 1];
                        best[at] = best[at - 1];
                        at--;
                    }
                    bestScores[at] = score;
                    best[at] = i;
                    filled = Math.min(k, filled + 1);
                }
            }
            Set<String> keysFound = new HashSet<>();
            for (int i = 0; i < filled; i++) {
                keysFound.add(keys.get(best[i]));
            }
            return keysFound;
        }

        private static float dot(float[] a, float[] b) {
            float sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += a[i] * b[i];
            }
            return sum;
        }

        private static float[] unit(float[] vector) {
            double norm = 0;
            for (float value : vector) {
                norm += value * value;
            }
            float[] unit = new float[vector.length];
            double length = Math.sqrt(norm);
            for (int i = 0; i < vector.length; i++) {
                unit[i] = (float) (vector[i] / length);
            }
            return unit;
        }
    }
}
