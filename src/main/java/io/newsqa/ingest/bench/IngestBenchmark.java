package io.newsqa.ingest.bench;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.lucene.LuceneArchive;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.FileIngest;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.ParsedArticle;
import io.newsqa.ingest.dedupe.SimilarityThresholds;
import io.newsqa.ingest.source.ArticleSink;
import io.newsqa.ingest.source.FieldMapping;
import io.newsqa.ingest.source.SourceReaders;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures ingestion on real dumps, three ways on the same machine in one run: the NewsQA
 * pipeline end to end (read, clean, deduplicate, chunk, embed, store in a fresh embedded
 * archive), the embedding model alone on exactly the texts the pipeline embedded (the ceiling),
 * and a plain LangChain4j {@link EmbeddingStoreIngestor} (recursive splitter with the same
 * token budget, same model, in-memory store) on the same articles.
 */
public final class IngestBenchmark {

    private final EmbeddingModel model;
    private final int chunkTokens;
    private final int batchChunks;
    private final int storeBatchArticles;
    private final PrintStream out;

    public IngestBenchmark(EmbeddingModel model, int chunkTokens, int batchChunks, int storeBatchArticles, PrintStream out) {
        this.model = model;
        this.chunkTokens = chunkTokens;
        this.batchChunks = batchChunks;
        this.storeBatchArticles = storeBatchArticles;
        this.out = out;
    }

    public void run(List<String> inputs, String modelId) throws IOException {
        SourceReaders readers = new SourceReaders(FieldMapping.DEFAULT, Duration.ofSeconds(20));
        warmUp();
        double loadBefore = loadAverage();

        Path dir = Files.createTempDirectory("newsqa-bench-");
        RecordingEmbeddingModel recording = new RecordingEmbeddingModel(model);
        IngestReport report;
        Measure pipeline = Measure.start();
        try (ArchiveIndex archive = LuceneArchive.open(dir, modelId, model.dimension())) {
            ArticleIngestor ingestor = new ArticleIngestor(archive, recording,
                    new Chunker(new HuggingFaceTokenCountEstimator(), chunkTokens), SimilarityThresholds.DEFAULT,
                    batchChunks, storeBatchArticles);
            report = new FileIngest(ingestor, readers).ingestSources(inputs, run -> { }, bytes -> { });
        }
        pipeline.stop();
        deleteQuietly(dir);
        List<TextSegment> embedded = recording.seen();

        Measure raw = Measure.start();
        model.embedAll(embedded);
        raw.stop();

        List<Document> documents = new ArrayList<>();
        readers.read(inputs, new ArticleSink() {
            @Override
            public void accept(String item, ParsedArticle article) {
                documents.add(Document.from(article.title() + "\n\n" + article.body(), Metadata.from("title", article.title())));
            }

            @Override
            public void reject(String item, String reason) {
                // the same items the pipeline rejected
            }
        }, bytes -> { });
        RecordingEmbeddingModel plainModel = new RecordingEmbeddingModel(model);
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        EmbeddingStoreIngestor plain = EmbeddingStoreIngestor.builder()
                .documentSplitter(DocumentSplitters.recursive(chunkTokens, 20, new HuggingFaceTokenCountEstimator()))
                .embeddingModel(plainModel).embeddingStore(store).build();
        Measure plainRun = Measure.start();
        plain.ingest(documents);
        plainRun.stop();
        int plainChunks = plainModel.seen().size();
        // Both pipelines get the same articles: the ones the readers produced (not the items they rejected).
        int articles = documents.size();

        out.printf("inputs: %s%n", String.join(" ", inputs));
        out.printf("articles read %d (items rejected by the readers or the pipeline: %d): added %d, duplicates %d (near copies %d);"
                        + " chunks embedded %d%n", articles, report.rejections().size(),
                report.countOf(IngestOutcome.ADDED), report.countOf(IngestOutcome.DUPLICATE),
                report.duplicates().stream().filter(d -> !d.exact()).count(), embedded.size());
        out.printf("machine: %d cores, load average %.1f before, %.1f after; Java %s; %s%n", Runtime.getRuntime().availableProcessors(),
                loadBefore, loadAverage(), System.getProperty("java.version"), OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
        out.printf("settings: %d chunks per embedding call, %d articles per archive commit, %d word pieces per chunk%n%n",
                batchChunks, storeBatchArticles, chunkTokens);
        out.println("| run | articles | chunks | seconds | articles/s | chunks/s | CPU s | CPU ms/chunk |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        row("NewsQA pipeline (read, clean, dedupe, chunk, embed, store in Lucene)", articles, embedded.size(), pipeline);
        row("embedding model alone, same chunk texts", articles, embedded.size(), raw);
        row("plain LangChain4j EmbeddingStoreIngestor (recursive splitter, in-memory)", articles, plainChunks, plainRun);
        out.printf("%npipeline / raw model, chunks/s: %.0f %% (goal >= 80 %%)%n", 100 * raw.seconds() / pipeline.seconds());
        out.printf("pipeline / plain ingestor, articles/s: %.2f (goal >= 1)%n", plainRun.seconds() / pipeline.seconds());
        out.printf("CPU per article: pipeline %.0f ms, plain ingestor %.0f ms%n",
                1000 * pipeline.cpuSeconds() / articles, 1000 * plainRun.cpuSeconds() / articles);
    }

    private void row(String name, int articles, int chunks, Measure m) {
        out.printf("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", name, articles, chunks, m.seconds(),
                articles / m.seconds(), chunks / m.seconds(), m.cpuSeconds(), 1000 * m.cpuSeconds() / chunks);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * Wall-clock and CPU time of one run. On a machine shared with other work the wall clock
     * depends on the neighbours; the process's CPU time (every thread, ONNX Runtime's included)
     * much less so.
     */
    private static final class Measure {
        private final long startNanos = System.nanoTime();
        private final long startCpuNanos = processCpuNanos();
        private double seconds;
        private double cpuSeconds;

        static Measure start() {
            return new Measure();
        }

        void stop() {
            seconds = (System.nanoTime() - startNanos) / 1e9;
            cpuSeconds = (processCpuNanos() - startCpuNanos) / 1e9;
        }

        double seconds() {
            return seconds;
        }

        double cpuSeconds() {
            return cpuSeconds;
        }

        private static long processCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
        }
    }

    /** The first calls load the ONNX session and JIT-compile; keep them out of every measurement. */
    private void warmUp() {
        List<TextSegment> texts = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            texts.add(TextSegment.from("warm-up sentence number " + i + " for the embedding model"));
        }
        model.embedAll(texts);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}
