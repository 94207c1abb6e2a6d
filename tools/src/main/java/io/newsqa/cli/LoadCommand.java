package io.newsqa.cli;

import io.newsqa.load.LoadGenerator;
import io.newsqa.load.LoadReport;
import io.newsqa.load.LoadTarget;
import io.newsqa.load.ServerHeap;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = {
            "Put a running NewsQA server under load: concurrent clients asking questions from a file in turn"
                    + " (each sends its next request when the last is answered) for a fixed time, per endpoint.",
            "Prints throughput, p50/p95/p99 latency, errors and the server's heap limit as a Markdown table."
                    + " Exit code 1 when any request failed. The server's rate limit of questions counts all clients"
                    + " as one address: start it with NEWSQA_WEB_RATE_LIMIT_REQUESTS=0 for a load run."
        })
public final class LoadCommand implements Callable<Integer> {

    @Option(
            names = "--url",
            defaultValue = "http://127.0.0.1:8080",
            description = "The server (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(
            names = "--endpoint",
            split = ",",
            defaultValue = "search,ask",
            description = "search (/api/search), ask (/api/ask) or both, in order (default: ${DEFAULT-VALUE}).")
    List<LoadTarget> targets;

    @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--seconds",
            defaultValue = "60",
            description = "Duration per endpoint (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--timeout",
            defaultValue = "30",
            description = "Seconds one request may take (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(
            names = "--questions",
            required = true,
            paramLabel = "FILE",
            description = "Questions, one per line (UTF-8).")
    Path questionsFile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> questions = Files.readAllLines(questionsFile, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        if (questions.isEmpty()) {
            System.err.println("No questions in " + questionsFile + ": write one per line.");
            return 2;
        }
        LoadGenerator generator = new LoadGenerator(url, questions, Duration.ofSeconds(timeoutSeconds));
        StringBuilder table = new StringBuilder(LoadReport.tableHeader());
        long errors = 0;
        for (LoadTarget target : targets) {
            LoadReport report = generator.run(target, clients, Duration.ofSeconds(seconds));
            table.append(report.tableRow());
            errors += report.errorCount();
        }
        OptionalLong heap = ServerHeap.maxBytes(url);
        System.out.printf(
                "server %s, %d questions, server heap max: %s%n%n",
                url,
                questions.size(),
                heap.isPresent() ? (heap.getAsLong() >> 20) + " MB" : "unknown (no /actuator/prometheus)");
        System.out.print(table);
        return errors == 0 ? 0 : 1;
    }
}
