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
import io.newsqa.ingest.source.ArticleSink;
import io.newsqa.ingest.source.FieldMapping;
import io.newsqa.ingest.source.SourceReaders;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    private final PrintStream out;

    public IngestBenchmark(EmbeddingModel model, int chunkTokens, int batchChunks, PrintStream out) {
        this.model = model;
        this.chunkTokens = chunkTokens;
        this.batchChunks = batchChunks;
        this.out = out;
    }

    public void run(List<String> inputs, String modelId) throws IOException {
        SourceReaders readers = new SourceReaders(FieldMapping.DEFAULT, Duration.ofSeconds(20));
        warmUp();

        Path dir = Files.createTempDirectory("newsqa-bench-");
        RecordingEmbeddingModel recording = new RecordingEmbeddingModel(model);
        IngestReport report;
        long start = System.nanoTime();
        try (ArchiveIndex archive = LuceneArchive.open(dir, modelId, model.dimension())) {
            ArticleIngestor ingestor = new ArticleIngestor(archive, recording,
                    new Chunker(new HuggingFaceTokenCountEstimator(), chunkTokens), ArticleIngestor.DEFAULT_NEAR_DUPLICATE_THRESHOLD, batchChunks);
            report = new FileIngest(ingestor, readers).ingestSources(inputs, run -> { }, bytes -> { });
        }
        double pipelineSeconds = seconds(start);
        deleteQuietly(dir);
        List<TextSegment> embedded = recording.seen();
        int items = report.items();

        start = System.nanoTime();
        model.embedAll(embedded);
        double rawSeconds = seconds(start);

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
        start = System.nanoTime();
        plain.ingest(documents);
        double plainSeconds = seconds(start);
        int plainChunks = plainModel.seen().size();

        out.printf("inputs: %s%n", String.join(" ", inputs));
        out.printf("items read %d: added %d, duplicates %d (near copies %d), rejected %d; chunks embedded %d%n", items,
                report.countOf(IngestOutcome.ADDED), report.countOf(IngestOutcome.DUPLICATE),
                report.duplicates().stream().filter(d -> !d.exact()).count(), report.rejections().size(), embedded.size());
        out.printf("cores: %d, batch: %d chunks, chunk budget: %d word pieces%n%n", Runtime.getRuntime().availableProcessors(),
                batchChunks, chunkTokens);
        out.println("| run | articles | chunks | seconds | articles/s | chunks/s |");
        out.println("|---|---:|---:|---:|---:|---:|");
        row("NewsQA pipeline (read, clean, dedupe, chunk, embed, store in Lucene)", items, embedded.size(), pipelineSeconds);
        row("embedding model alone, same chunk texts", items, embedded.size(), rawSeconds);
        row("plain LangChain4j EmbeddingStoreIngestor (recursive splitter, in-memory)", documents.size(), plainChunks, plainSeconds);
        out.printf("%npipeline / raw model (chunks/s): %.0f %%%n", 100 * (embedded.size() / pipelineSeconds) / (embedded.size() / rawSeconds));
        out.printf("pipeline / plain ingestor (articles/s): %.2f%n", (items / pipelineSeconds) / (documents.size() / plainSeconds));
    }

    private void row(String name, int articles, int chunks, double seconds) {
        out.printf("| %s | %d | %d | %.1f | %.1f | %.1f |%n", name, articles, chunks, seconds, articles / seconds, chunks / seconds);
    }

    /** The first calls load the ONNX session and JIT-compile; keep them out of every measurement. */
    private void warmUp() {
        List<TextSegment> texts = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            texts.add(TextSegment.from("warm-up sentence number " + i + " for the embedding model"));
        }
        model.embedAll(texts);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}
