package io.newsqa.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Entry point of the tools jar: {@code java -jar tools/target/newsqa-tools.jar
 * [eval|bench-ingest|bench-search|bench-stories|bench-copies|load] ...}. The measuring commands run on the
 * product's own classes, kept out of the server's jar with the charting and histogram libraries
 * only they use.
 */
@Command(
        name = "newsqa-tools",
        mixinStandardHelpOptions = true,
        version = "NewsQA tools 0.1.0",
        description = "Measures NewsQA: retrieval and answer evaluation, ingest and search benchmarks, load.",
        subcommands = {
            EvalCommand.class,
            BenchIngestCommand.class,
            BenchSearchCommand.class,
            BenchStoriesCommand.class,
            BenchCopiesCommand.class,
            LoadCommand.class
        })
public final class NewsQaTools {

    @Mixin
    VerboseOption verbose;

    public static void main(String[] args) {
        System.exit(CommandOutput.commandLine(new NewsQaTools()).execute(args));
    }
}
