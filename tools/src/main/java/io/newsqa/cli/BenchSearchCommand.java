package io.newsqa.cli;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.config.NewsQaProperties;
import io.newsqa.embedding.Embeddings;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.RetrievalProperties;
import io.newsqa.retrieve.bench.SearchBenchmark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "bench-search",
        mixinStandardHelpOptions = true,
        description = {
            "Measure search on the configured archive (embedded, or PostgreSQL with NEWSQA_DB_URL) as it is:"
                    + " p50/p95 latency of query embedding, dense search at each ef_search, lexical and hybrid search,"
                    + " and the dense search's recall@k against exact (brute-force) search over the stored vectors.",
            "The questions are headlines of stored articles, spread over the archive. Prints a Markdown table."
        })
public final class BenchSearchCommand implements Callable<Integer> {

    @Option(names = "--questions", defaultValue = "200", description = "Headlines to ask (default: ${DEFAULT-VALUE}).")
    int questions;

    @Option(
            names = "--questions-file",
            paramLabel = "FILE",
            description = "Ask these questions (one per line, UTF-8) instead of headlines, with the lexical and"
                    + " hybrid rows per language.")
    Path questionsFile;

    @Option(
            names = "--k",
            defaultValue = "10",
            description = "Recall depth and dense search size (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(
            names = "--ef-search",
            split = ",",
            defaultValue = "40,100,200",
            description = "HNSW candidate list sizes to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> efSearches;

    @Override
    public Integer call() throws IOException {
        List<String> given = questionsFile == null
                ? List.of()
                : Files.readAllLines(questionsFile, StandardCharsets.UTF_8).stream()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
        try (ConfigurableApplicationContext context = CommandContext.start()) {
            NewsQaProperties properties = context.getBean(NewsQaProperties.class);
            String archiveName = properties.db().configured() ? "PostgreSQL" : "embedded";
            SearchBenchmark benchmark = new SearchBenchmark(
                    context.getBean(ArchiveIndex.class),
                    context.getBean(Embeddings.class).queries(),
                    context.getBean(HybridSearch.class),
                    System.out);
            List<SearchBenchmark.Row> rows = benchmark.run(
                    questions,
                    given,
                    k,
                    efSearches,
                    context.getBean(RetrievalProperties.class).passages());
            System.out.printf(
                    "cores: %d, heap max: %d MB, configured ef_search: %d%n%n",
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    context.getBean(RetrievalProperties.class).efSearch());
            System.out.print(SearchBenchmark.table(archiveName, rows));
            return 0;
        }
    }
}
