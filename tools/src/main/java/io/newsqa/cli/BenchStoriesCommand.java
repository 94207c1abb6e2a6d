package io.newsqa.cli;

import io.newsqa.ingest.bench.SimilarityBands;
import io.newsqa.ingest.dedupe.SimilarityThresholds;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "bench-stories",
        mixinStandardHelpOptions = true,
        description =
                "Count the article pairs of some dumps per MinHash similarity band and print a random sample of each "
                        + "band, to judge from which similarity two articles are one story (the same-story threshold); then run the "
                        + "copy detector over the articles in reading order, as an ingest into an empty archive would.")
public final class BenchStoriesCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Dump files or folders (.zip, .json, .jsonl, ...).")
    List<String> inputs;

    @Option(names = "--samples", defaultValue = "12", description = "Pairs shown per band (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--copy-containment",
            description = "Containment from which an article tells another "
                    + "(default: newsqa.ingest.copy-containment's default, ${DEFAULT-VALUE}).")
    double copyContainment = SimilarityThresholds.DEFAULT.copy();

    @Option(
            names = "--kept-samples",
            defaultValue = "0",
            description = "Updates shown that a Jaccard detector (0.6) would "
                    + "have taken for copies, with the sentences they add (default: ${DEFAULT-VALUE}).")
    int keptSamples;

    @Option(names = "--detector-only", description = "Skip counting the pairs (fast on many days).")
    boolean detectorOnly;

    @Override
    public Integer call() {
        SimilarityBands bands = new SimilarityBands(
                System.out,
                samples,
                seed,
                new SimilarityThresholds(copyContainment, SimilarityThresholds.DEFAULT.sameStory()),
                keptSamples);
        if (detectorOnly) {
            bands.runDetector(inputs);
        } else {
            bands.run(inputs);
        }
        return 0;
    }
}
