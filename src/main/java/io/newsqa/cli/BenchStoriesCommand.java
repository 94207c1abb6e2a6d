package io.newsqa.cli;

import io.newsqa.ingest.dedupe.SimilarityBands;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench-stories", mixinStandardHelpOptions = true,
        description = "Count the article pairs of some dumps per MinHash similarity band and print a random sample of each "
                + "band, to judge from which similarity two articles are one story (the same-story threshold).")
public final class BenchStoriesCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Dump files or folders (.zip, .json, .jsonl, ...).")
    List<String> inputs;

    @Option(names = "--samples", defaultValue = "12", description = "Pairs shown per band (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        new SimilarityBands(System.out, samples, seed).run(inputs);
        return 0;
    }
}
