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
import io.newsqa.archive.ArchiveModel;
import io.newsqa.archive.backend.ArchiveBackends;
import io.newsqa.archive.backend.ArchiveLocation;
import io.newsqa.embedding.Embeddings;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Chunker;
import io.newsqa.ingest.FileIngest;
import io.newsqa.ingest.IngestOutcome;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.IngestRun;
import io.newsqa.ingest.article.ParsedArticle;
import io.newsqa.ingest.dedupe.SimilarityThresholds;
import io.newsqa.ingest.source.ArticleSink;
import io.newsqa.ingest.source.FieldMapping;
import io.newsqa.ingest.source.SourceReaders;
import java.io.IOException;
import java.io.PrintStream;
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
    private final Chunker chunker;
    private final int window;
    private final int chunkTokens;
    private final int batchChunks;
    private final int storeBatchArticles;
    private final int warmUpArticles;
    private final PrintStream out;

    /** @param embeddings the model (its passage side) and, for the pipeline's chunker, its tokenizer and window */
    public IngestBenchmark(
            Embeddings embeddings,
            int chunkTokens,
            int batchChunks,
            int storeBatchArticles,
            int warmUpArticles,
            PrintStream out) {
        this.model = embeddings.passages();
        this.chunker = Chunker.forModel(embeddings, chunkTokens);
        this.window = embeddings.window();
        this.warmUpArticles = warmUpArticles;
        this.chunkTokens = chunkTokens;
        this.batchChunks = batchChunks;
        this.storeBatchArticles = storeBatchArticles;
        this.out = out;
    }

    /** Where the pipeline stores: a fresh embedded archive, or a fresh schema on a PostgreSQL server. */
    public record Postgres(String url, String user, String password) {}

    /** One pipeline run: where it stored, what it did and what it cost. */
    private record PipelineRun(
            String archive, IngestReport report, List<TextSegment> embedded, Measure measure, String note) {}

    /**
     * Runs the pipeline into a fresh embedded archive, then (when {@code postgres} is given) into
     * a fresh PostgreSQL schema, then the model alone on the texts the first run embedded, then
     * the plain ingestor (unless left out); prints the table and the ratios on both clocks.
     */
    public void run(List<String> inputs, String modelId, Postgres postgres, boolean withPlainIngestor)
            throws IOException {
        SourceReaders readers = new SourceReaders(FieldMapping.DEFAULT, Duration.ofSeconds(20));
        List<ParsedArticle> articlesRead = new ArrayList<>();
        readers.read(
                inputs,
                new ArticleSink() {
                    @Override
                    public void accept(String item, ParsedArticle article) {
                        articlesRead.add(article);
                    }

                    @Override
                    public void reject(String item, String reason) {
                        // the same items the pipeline rejects
                    }
                },
                bytes -> {});
        List<Document> documents =
                articlesRead.stream().map(IngestBenchmark::plainDocument).toList();
        // Both pipelines get the same articles: the ones the readers produced (not the items they rejected).
        int articles = documents.size();
        out.printf("inputs: %s (%d articles)%n", String.join(" ", inputs), articles);
        out.printf(
                "machine: %d cores, Java %s, %s; model: %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                OffsetDateTime.now(ZoneOffset.UTC).withNano(0),
                model);
        out.printf(
                "settings: %d chunks per embedding call, %d articles per archive commit, at most %d word pieces per chunk"
                        + " (title, date and chunk within the model's %d);"
                        + " warm-up (not measured): the first %d articles through the pipeline%s%n%n",
                batchChunks,
                storeBatchArticles,
                chunkTokens,
                window,
                Math.min(warmUpArticles, articles),
                withPlainIngestor ? " and the plain ingestor" : "; plain ingestor left out");
        warmUp(articlesRead.subList(0, Math.min(warmUpArticles, articles)), modelId, withPlainIngestor);

        // Each row is printed as soon as it is measured: on a busy machine a run takes long.
        out.println(
                "| run | articles | chunks | wall s | CPU s | articles/s | chunks/s | chunks per CPU s | load avg before → after |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        List<PipelineRun> pipelines = new ArrayList<>();
        pipelines.add(embeddedPipeline(inputs, readers, modelId));
        if (postgres != null) {
            pipelines.add(postgresPipeline(inputs, readers, modelId, postgres));
        }
        for (PipelineRun p : pipelines) {
            row(
                    "NewsQA pipeline into " + p.archive() + " (read, clean, dedupe, chunk, embed, store)" + p.note(),
                    articles,
                    p.embedded().size(),
                    p.measure());
        }
        List<TextSegment> embedded = pipelines.get(0).embedded();

        Measure raw = Measure.start();
        model.embedAll(embedded);
        raw.stop();
        row("embedding model alone, same chunk texts", articles, embedded.size(), raw);

        Measure plainRun = null;
        if (withPlainIngestor) {
            RecordingEmbeddingModel plainModel = new RecordingEmbeddingModel(model);
            plainRun = Measure.start();
            plainIngestor(plainModel).ingest(documents);
            plainRun.stop();
            row(
                    "plain LangChain4j EmbeddingStoreIngestor (recursive splitter, in-memory)",
                    articles,
                    plainModel.seen().size(),
                    plainRun);
        }

        IngestReport report = pipelines.get(0).report();
        out.printf(
                "%npipeline into Lucene: added %d, duplicates %d (near copies %d), rejected %d; chunks embedded %d%n",
                report.countOf(IngestOutcome.ADDED),
                report.countOf(IngestOutcome.DUPLICATE),
                report.duplicates().stream().filter(d -> !d.exact()).count(),
                report.rejections().size(),
                embedded.size());
        out.println();
        out.println("| ratio | wall clock | CPU | goal |");
        out.println("|---|---:|---:|---:|");
        for (PipelineRun p : pipelines) {
            Measure m = p.measure();
            int chunks = p.embedded().size();
            out.printf(
                    "| pipeline (%s) / model alone, chunks per second | %.0f %% | %.0f %% | >= 80 %% |%n",
                    p.archive(),
                    100 * (chunks / m.seconds()) / (embedded.size() / raw.seconds()),
                    100 * (chunks / m.cpuSeconds()) / (embedded.size() / raw.cpuSeconds()));
            if (plainRun != null) {
                out.printf(
                        "| pipeline (%s) / plain ingestor, articles per second | %.2f | %.2f | >= 1 |%n",
                        p.archive(), plainRun.seconds() / m.seconds(), plainRun.cpuSeconds() / m.cpuSeconds());
            }
        }
        for (PipelineRun p : pipelines) {
            out.printf("%nCPU of the pipeline into %s by thread (this process):%n", p.archive());
            p.measure().cpuByRole().forEach((role, seconds) -> out.printf("  %-55s %7.1f s%n", role, seconds));
        }
        out.printf("%nCPU of the model alone by thread:%n");
        raw.cpuByRole().forEach((role, seconds) -> out.printf("  %-55s %7.1f s%n", role, seconds));
    }

    private PipelineRun embeddedPipeline(List<String> inputs, SourceReaders readers, String modelId)
            throws IOException {
        Path dir = Files.createTempDirectory("newsqa-bench-");
        try (ArchiveIndex archive =
                ArchiveBackends.open(new ArchiveLocation.Folder(dir), new ArchiveModel(modelId, model.dimension()))) {
            RecordingEmbeddingModel recording = new RecordingEmbeddingModel(model);
            Measure measure = Measure.start();
            IngestReport report = ingest(archive, recording, inputs, readers);
            measure.stop();
            return new PipelineRun("Lucene", report, recording.seen(), measure, "");
        } finally {
            deleteQuietly(dir);
        }
    }

    private PipelineRun postgresPipeline(
            List<String> inputs, SourceReaders readers, String modelId, Postgres postgres) {
        try (PostgresBenchArchive pg = new PostgresBenchArchive(
                postgres.url(), postgres.user(), postgres.password(), modelId, model.dimension())) {
            RecordingEmbeddingModel recording = new RecordingEmbeddingModel(model);
            Measure measure = Measure.start(pg::backendCpuSeconds);
            IngestReport report = ingest(pg.archive(), recording, inputs, readers);
            measure.stop();
            String note = pg.backendsReadable()
                    ? String.format(
                            "; CPU includes %.1f s of its server backends (the vector index built at the end"
                                    + " on one core)",
                            measure.outsideSeconds())
                    : "; server backends not on this machine: their CPU is not counted";
            return new PipelineRun("PostgreSQL", report, recording.seen(), measure, note);
        }
    }

    private IngestReport ingest(
            ArchiveIndex archive, RecordingEmbeddingModel recording, List<String> inputs, SourceReaders readers) {
        return new FileIngest(ingestor(archive, recording), readers).ingestSources(inputs, run -> {}, bytes -> {});
    }

    private ArticleIngestor ingestor(ArchiveIndex archive, EmbeddingModel embeddings) {
        return new ArticleIngestor(
                archive, embeddings, chunker, SimilarityThresholds.DEFAULT, batchChunks, storeBatchArticles);
    }

    private void row(String name, int articles, int chunks, Measure m) {
        out.printf(
                "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f → %.1f |%n",
                name,
                articles,
                chunks,
                m.seconds(),
                m.cpuSeconds(),
                articles / m.seconds(),
                chunks / m.seconds(),
                chunks / m.cpuSeconds(),
                m.loadBefore(),
                m.loadAfter());
    }

    /**
     * Loads the ONNX session and lets the JIT compile the code of every run before any is measured,
     * so that the figures are those of a long ingest (where compiling is a one-off) and the run
     * that happens to go first is not charged for the compiling the others then profit from.
     * The pipeline stores its warm-up articles in a throwaway archive.
     */
    private void warmUp(List<ParsedArticle> articles, String modelId, boolean withPlainIngestor) throws IOException {
        List<TextSegment> texts = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            texts.add(TextSegment.from("warm-up sentence number " + i + " for the embedding model"));
        }
        model.embedAll(texts);
        if (articles.isEmpty()) {
            return;
        }
        Path dir = Files.createTempDirectory("newsqa-bench-warm-up-");
        try (ArchiveIndex archive = ArchiveBackends.open(
                        new ArchiveLocation.Folder(dir), new ArchiveModel(modelId, model.dimension()));
                IngestRun run = ingestor(archive, model).startRun(new IngestReport())) {
            articles.forEach(article -> run.accept("warm-up", article));
        } finally {
            deleteQuietly(dir);
        }
        if (withPlainIngestor) {
            plainIngestor(model)
                    .ingest(articles.stream()
                            .map(IngestBenchmark::plainDocument)
                            .toList());
        }
    }

    private EmbeddingStoreIngestor plainIngestor(EmbeddingModel embeddings) {
        return EmbeddingStoreIngestor.builder()
                .documentSplitter(DocumentSplitters.recursive(chunkTokens, 20, new HuggingFaceTokenCountEstimator()))
                .embeddingModel(embeddings)
                .embeddingStore(new InMemoryEmbeddingStore<>())
                .build();
    }

    /** What the plain ingestor gets of an article: title and body, as a LangChain4j document. */
    private static Document plainDocument(ParsedArticle article) {
        return Document.from(article.title() + "\n\n" + article.body(), Metadata.from("title", article.title()));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}
