package io.newsqa.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point: {@code java -jar newsqa.jar [serve|ingest|ask|eval|bench-ingest|bench-search|bench-stories|copy-archive|load|feeds|link-stories] ...}; no command means serve. */
@Command(
        name = "newsqa",
        mixinStandardHelpOptions = true,
        version = "NewsQA 0.1.0",
        description = "Answers questions about a news archive, with every claim cited.",
        subcommands = {
            ServeCommand.class,
            IngestCommand.class,
            AskCommand.class,
            EvalCommand.class,
            BenchIngestCommand.class,
            BenchSearchCommand.class,
            BenchStoriesCommand.class,
            CopyArchiveCommand.class,
            LoadCommand.class,
            ReembedCommand.class,
            FeedsCommand.class,
            LinkStoriesCommand.class
        })
public final class NewsQa implements Callable<Integer> {

    /** Inherited by every command; a setter because the value belongs to the whole run. */
    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description =
                    "Log the application's progress and every warning (on standard error), and stack traces of failures.")
    void verbose(boolean on) {
        CommandOutput.verbose(on);
    }

    @Override
    public Integer call() throws Exception {
        return new ServeCommand().call();
    }

    public static void main(String[] args) {
        System.exit(CommandOutput.commandLine(new NewsQa()).execute(args));
    }
}
