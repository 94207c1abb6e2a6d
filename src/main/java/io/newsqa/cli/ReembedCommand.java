package io.newsqa.cli;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveModel;
import io.newsqa.archive.backend.ArchiveBackends;
import io.newsqa.archive.backend.ArchiveLocation;
import io.newsqa.config.Database;
import io.newsqa.config.NewsQaProperties;
import io.newsqa.embedding.Embeddings;
import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.Reembedding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "reembed",
        mixinStandardHelpOptions = true,
        description = {
            "Fill the configured archive (NEWSQA_DATA_DIR, or NEWSQA_DB_URL with NEWSQA_DB_SCHEMA) from an archive"
                    + " made with another embedding model: every article's text is chunked and embedded again with the configured"
                    + " model (NEWSQA_EMBEDDING_PROVIDER, NEWSQA_EMBEDDING_MODEL) and stored with its id, dates and story.",
            "The source's articles are left as they are. Articles the target holds already are skipped, so an"
                    + " interrupted run can be run again."
        })
public final class ReembedCommand implements Callable<Integer> {

    /** The archive to read, in the same kind of place as the configured one or the other. */
    static final class Source {
        @Option(names = "--from-data-dir", paramLabel = "FOLDER", description = "An embedded archive's folder.")
        Path dataDir;

        @Option(
                names = "--from-schema",
                paramLabel = "SCHEMA",
                description = "A schema of the configured PostgreSQL database.")
        String schema;
    }

    @ArgGroup(multiplicity = "1")
    Source source;

    @Option(names = "--no-progress", description = "No progress bar (for logs and scripts).")
    boolean noProgress;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = CommandContext.start()) {
            NewsQaProperties properties = context.getBean(NewsQaProperties.class);
            Database database = context.getBean(Database.class);
            Embeddings embeddings = context.getBean(Embeddings.class);
            ArchiveIndex target = context.getBean(ArchiveIndex.class);
            String refusal = refusal(properties, database);
            if (refusal != null) {
                System.err.println(refusal);
                return 2;
            }
            ArchiveLocation from = sourceLocation(database);
            ArchiveModel recorded = ArchiveBackends.recordedModel(from).orElse(null);
            if (recorded == null) {
                System.err.println("There is no archive in " + from.describe() + " to re-embed.");
                return 2;
            }
            System.out.printf(
                    "Re-embedding %s (model %s) into the configured archive with %s%n",
                    from.describe(), recorded.modelId(), embeddings.id());
            if (recorded.modelId().equals(embeddings.id())) {
                System.out.println(
                        "  (both use the same model: `newsqa copy-archive` would copy the vectors without embedding them again)");
            }
            try (ArchiveIndex sourceArchive = ArchiveBackends.open(from, recorded)) {
                Reembedding.Report report = run(sourceArchive, target, context.getBean(ArticleIngestor.class));
                System.out.println(report.summary());
                return 0;
            }
        }
    }

    private Reembedding.Report run(ArchiveIndex from, ArchiveIndex to, ArticleIngestor into) {
        long total = from.stats().articles();
        if (noProgress) {
            return Reembedding.run(from, to, into, done -> {});
        }
        try (ProgressBar bar = Progress.bar("reembed", total, " articles").build()) {
            return Reembedding.run(from, to, into, bar::stepTo);
        }
    }

    /** Why the run cannot go ahead, or {@code null}. */
    private String refusal(NewsQaProperties properties, Database database) {
        if (source.dataDir != null) {
            if (!database.dataSource().isPresent() && sameFolder(source.dataDir, properties.dataDir())) {
                return "--from-data-dir is the configured archive itself: set NEWSQA_DATA_DIR to a new folder for the re-embedded archive.";
            }
            return null;
        }
        if (database.dataSource().isEmpty()) {
            return "--from-schema reads PostgreSQL: set NEWSQA_DB_URL (e.g. jdbc:postgresql://localhost:5432/newsqa).";
        }
        if (source.schema.equals(database.schema())) {
            return "--from-schema is the configured archive itself: set NEWSQA_DB_SCHEMA to a new schema for the re-embedded archive.";
        }
        return null;
    }

    /** The archive to re-embed; only called once {@link #refusal} has found nothing wrong. */
    private ArchiveLocation sourceLocation(Database database) {
        return source.dataDir != null
                ? new ArchiveLocation.Folder(source.dataDir)
                : new ArchiveLocation.Schema(database.dataSource().orElseThrow(), source.schema);
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b)
                    ? Files.isSameFile(a, b)
                    : a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        } catch (IOException e) {
            return false;
        }
    }
}
