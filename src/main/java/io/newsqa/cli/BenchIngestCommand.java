package io.newsqa.cli;

import io.newsqa.config.MiniLmEmbeddingModel;
import io.newsqa.config.NewsQaConfiguration;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.bench.IngestBenchmark;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench-ingest", mixinStandardHelpOptions = true,
        description = "Measure ingestion on dumps (e.g. SaudiNewsNet day ZIPs): the pipeline end to end into a temporary archive, "
                + "the embedding model alone on the same chunks, and a plain LangChain4j EmbeddingStoreIngestor. Prints a table.")
public final class BenchIngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Dump files or folders (.zip, .json, .jsonl, ...).")
    List<String> inputs;

    @Option(names = "--chunk-tokens", defaultValue = "200", description = "Word pieces per chunk (default: ${DEFAULT-VALUE}).")
    int chunkTokens;

    @Option(names = "--batch-chunks", defaultValue = "" + ArticleIngestor.DEFAULT_BATCH_CHUNKS,
            description = "Chunks per embedding call (default: ${DEFAULT-VALUE}).")
    int batchChunks;

    @Option(names = "--store-batch-articles", defaultValue = "" + ArticleIngestor.DEFAULT_STORE_BATCH_ARTICLES,
            description = "Articles per archive commit (default: ${DEFAULT-VALUE}).")
    int storeBatchArticles;

    @Override
    public Integer call() throws Exception {
        new IngestBenchmark(MiniLmEmbeddingModel.create(), chunkTokens, batchChunks, storeBatchArticles, System.out)
                .run(inputs, NewsQaConfiguration.EMBEDDING_MODEL_ID);
        return 0;
    }
}
