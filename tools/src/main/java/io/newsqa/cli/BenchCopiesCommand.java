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
import io.newsqa.retrieve.bench.ArchiveCopies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "bench-copies",
        mixinStandardHelpOptions = true,
        description = {
            "Fill the configured archive (embedded in NEWSQA_DATA_DIR, or PostgreSQL with NEWSQA_DB_URL and"
                    + " NEWSQA_DB_SCHEMA) with copies of the articles of an embedded archive, for search benchmarks at"
                    + " a size that would take hours to embed: the first copy as stored, the others under new ids with"
                    + " the same text and their vectors moved by Gaussian noise. Nothing is embedded.",
            "Use a benchmark archive, never a newsroom's: the copies are not news. Filled twice from the same"
                    + " source (embedded and PostgreSQL), both hold the same vectors."
        })
public final class BenchCopiesCommand implements Callable<Integer> {

    @Option(
            names = "--from",
            required = true,
            paramLabel = "DIR",
            description = "The embedded archive (a NEWSQA_DATA_DIR folder) whose articles are copied.")
    Path from;

    @Option(
            names = "--copies",
            defaultValue = "7",
            description = "Times each article is stored, the original included (default: ${DEFAULT-VALUE}).")
    int copies;

    @Option(
            names = "--sigma",
            defaultValue = "0.01",
            description = "Noise per vector dimension of each further copy (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--seed", defaultValue = "1", description = "The noise's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (!Files.isDirectory(from)) {
            System.err.println("No embedded archive at " + from + ": ingest a few days of news there first.");
            return 2;
        }
        try (ConfigurableApplicationContext context = CommandContext.start()) {
            NewsQaProperties properties = context.getBean(NewsQaProperties.class);
            if (!properties.db().configured()
                    && from.toAbsolutePath()
                            .normalize()
                            .equals(properties.dataDir().toAbsolutePath().normalize())) {
                System.err.println("--from is the configured archive itself: set NEWSQA_DATA_DIR to another folder.");
                return 2;
            }
            ArchiveIndex target = context.getBean(ArchiveIndex.class);
            Embeddings embeddings = context.getBean(Embeddings.class);
            try (ArchiveIndex source = ArchiveBackends.open(
                    new ArchiveLocation.Folder(from),
                    new ArchiveModel(embeddings.id(), embeddings.dimension()),
                    NewsQaConfiguration.tuning(properties, context.getBean(RetrievalProperties.class)))) {
                System.out.printf(
                        "Storing %,d articles (%,d chunks) %d times into the %s archive...%n",
                        source.stats().articles(),
                        source.stats().chunks(),
                        copies,
                        properties.db().configured() ? "PostgreSQL" : "embedded");
                ArchiveCopy.Report report = new ArchiveCopies(copies, sigma, seed)
                        .fill(source, target, stored -> System.out.printf("  %,d articles%n", stored));
                System.out.printf(
                        "Stored %,d articles with %,d chunks in %.1f s; the archive now holds %,d chunks.%n",
                        report.articles(),
                        report.chunks(),
                        report.seconds(),
                        target.stats().chunks());
                return 0;
            }
        }
    }
}
