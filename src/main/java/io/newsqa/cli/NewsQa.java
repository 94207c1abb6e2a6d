package io.newsqa.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Entry point: {@code java -jar newsqa.jar [serve|ingest|ask|copy-archive|reembed|feeds|link-stories] ...}; no
 * command means serve. The evaluation and benchmarks are {@code newsqa-tools} (the tools/ module).
 */
@Command(
        name = "newsqa",
        mixinStandardHelpOptions = true,
        version = "NewsQA 0.1.0",
        description = "Answers questions about a news archive, with every claim cited.",
        subcommands = {
            ServeCommand.class,
            IngestCommand.class,
            AskCommand.class,
            CopyArchiveCommand.class,
            ReembedCommand.class,
            FeedsCommand.class,
            LinkStoriesCommand.class
        })
public final class NewsQa implements Callable<Integer> {

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        return new ServeCommand().call();
    }

    public static void main(String[] args) {
        System.exit(CommandOutput.commandLine(new NewsQa()).execute(args));
    }
}
