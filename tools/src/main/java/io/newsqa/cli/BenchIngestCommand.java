package io.newsqa.cli;

import io.newsqa.embedding.Embeddings;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.bench.IngestBenchmark;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "bench-ingest",
        mixinStandardHelpOptions = true,
        description =
                "Measure ingestion on dumps (e.g. SaudiNewsNet day ZIPs): the pipeline end to end into a temporary archive, "
                        + "the embedding model alone on the same chunks, and a plain LangChain4j EmbeddingStoreIngestor. Prints a table.")
public final class BenchIngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Dump files or folders (.zip, .json, .jsonl, ...).")
    List<String> inputs;

    @Option(
            names = "--chunk-tokens",
            defaultValue = "200",
            description = "Word pieces per chunk (default: ${DEFAULT-VALUE}).")
    int chunkTokens;

    @Option(
            names = "--batch-chunks",
            defaultValue = "" + ArticleIngestor.DEFAULT_BATCH_CHUNKS,
            description = "Chunks per embedding call (default: ${DEFAULT-VALUE}).")
    int batchChunks;

    @Option(
            names = "--store-batch-articles",
            defaultValue = "" + ArticleIngestor.DEFAULT_STORE_BATCH_ARTICLES,
            description = "Articles per archive commit (default: ${DEFAULT-VALUE}).")
    int storeBatchArticles;

    @Option(
            names = "--warm-up-articles",
            defaultValue = "200",
            description =
                    "Articles (the first ones) run through the pipeline"
                            + " and the plain ingestor before measuring, so that JIT compiling is not measured (default: ${DEFAULT-VALUE}).")
    int warmUpArticles;

    @Option(
            names = "--without-plain-ingestor",
            description =
                    "Leave out the plain LangChain4j ingestor, the slowest of the"
                            + " runs (for long inputs such as all of SaudiNewsNet: the pipeline and the model alone still run).")
    boolean withoutPlainIngestor;

    @Option(
            names = "--postgres",
            paramLabel = "JDBC_URL",
            description =
                    "Also run the pipeline into a fresh schema"
                            + " (bench_ingest_..., dropped afterwards) on this PostgreSQL with pgvector, e.g."
                            + " jdbc:postgresql://localhost:5432/newsqa_test. Its server backends' CPU is counted when the server runs on this machine.")
    String postgresUrl;

    @Option(
            names = "--db-user",
            defaultValue = "${env:NEWSQA_DB_USER:-newsqa}",
            description = "PostgreSQL user (default: ${DEFAULT-VALUE}).")
    String dbUser;

    @Option(
            names = "--db-password",
            defaultValue = "${env:NEWSQA_DB_PASSWORD:-newsqa}",
            description = "PostgreSQL password (default: NEWSQA_DB_PASSWORD or newsqa).",
            showDefaultValue = CommandLine.Help.Visibility.NEVER)
    String dbPassword;

    @Override
    public Integer call() throws Exception {
        IngestBenchmark.Postgres postgres =
                postgresUrl == null ? null : new IngestBenchmark.Postgres(postgresUrl, dbUser, dbPassword);
        // The configured model (newsqa.embedding.*); nothing else of the application is started.
        try (ConfigurableApplicationContext context = EvalCommand.evalContext()) {
            Embeddings embeddings = context.getBean(Embeddings.class);
            new IngestBenchmark(embeddings, chunkTokens, batchChunks, storeBatchArticles, warmUpArticles, System.out)
                    .run(inputs, embeddings.id(), postgres, !withoutPlainIngestor);
        }
        return 0;
    }
}
