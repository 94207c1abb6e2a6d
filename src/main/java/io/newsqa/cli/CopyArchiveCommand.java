package io.newsqa.cli;

import io.newsqa.archive.ArchiveCopy;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveModel;
import io.newsqa.archive.backend.ArchiveBackends;
import io.newsqa.archive.backend.ArchiveLocation;
import io.newsqa.config.NewsQaConfiguration;
import io.newsqa.config.NewsQaProperties;
import io.newsqa.embedding.Embeddings;
import io.newsqa.retrieve.RetrievalProperties;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "copy-archive",
        mixinStandardHelpOptions = true,
        description = {
            "Copy every article with its chunks and stored vectors between the embedded archive (in NEWSQA_DATA_DIR)"
                    + " and PostgreSQL (NEWSQA_DB_URL, NEWSQA_DB_SCHEMA), without embedding anything again.",
            "Articles the target already holds under the same id are replaced, so an interrupted copy can be run again."
        })
public final class CopyArchiveCommand implements Callable<Integer> {

    /** Where the articles go; they come from the other one. */
    enum Target {
        postgres,
        embedded
    }

    @Option(
            names = "--to",
            required = true,
            paramLabel = "postgres|embedded",
            description = "The archive to copy into: postgres (from the embedded one) or embedded (from PostgreSQL).")
    Target target;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = CommandContext.start()) {
            NewsQaProperties properties = context.getBean(NewsQaProperties.class);
            if (!properties.db().configured()) {
                System.err.println("copy-archive needs the PostgreSQL archive too: set NEWSQA_DB_URL"
                        + " (e.g. jdbc:postgresql://localhost:5432/newsqa) and, if not public, NEWSQA_DB_SCHEMA.");
                return 2;
            }
            // With a database configured, the application's archive is the PostgreSQL one.
            ArchiveIndex postgres = context.getBean(ArchiveIndex.class);
            Embeddings embeddings = context.getBean(Embeddings.class);
            try (ArchiveIndex embedded = ArchiveBackends.open(
                    new ArchiveLocation.Folder(properties.dataDir()),
                    new ArchiveModel(embeddings.id(), embeddings.dimension()),
                    NewsQaConfiguration.tuning(properties, context.getBean(RetrievalProperties.class)))) {
                ArchiveIndex from = target == Target.postgres ? embedded : postgres;
                ArchiveIndex to = target == Target.postgres ? postgres : embedded;
                System.out.printf(
                        "Copying %,d articles (%,d chunks) into the %s archive...%n",
                        from.stats().articles(), from.stats().chunks(), target);
                ArchiveCopy.Report report =
                        ArchiveCopy.copy(from, to, copied -> System.out.printf("  %,d articles%n", copied));
                System.out.println(report.summary());
                return 0;
            }
        }
    }
}
