package io.newsqa.cli;

import io.newsqa.ingest.ArticleIngestor;
import io.newsqa.ingest.FileIngest;
import io.newsqa.ingest.IngestProperties;
import io.newsqa.ingest.IngestReport;
import io.newsqa.ingest.IngestRun;
import io.newsqa.ingest.source.FetchAddressPolicy;
import io.newsqa.ingest.source.FieldMapping;
import io.newsqa.ingest.source.SourceReaders;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import me.tongfei.progressbar.ProgressBar;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Add articles to the archive from files, folders (recursively) and URLs: plain text (.txt),"
                    + " JSON and JSON Lines dumps (.json, .jsonl), ZIP archives of them (.zip), RSS/Atom feeds (.rss, .atom, .xml)"
                    + " and HTML article pages (.html); URLs are read by their content type.",
            "Re-running adds nothing twice; copies of stored stories are counted as duplicates. Exit code 1 when an item was rejected."
        })
public final class IngestCommand implements Callable<Integer> {

    /** How long SIGTERM waits for the articles already read to be stored (a container's grace period is 30 s). */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(25);

    @Parameters(arity = "1..*", paramLabel = "PATH|URL", description = "Files, folders or http(s) URLs.")
    List<String> inputs;

    @Option(
            names = "--title-field",
            paramLabel = "NAME",
            description = "JSON field of the headline (default: title, headline).")
    String titleField;

    @Option(
            names = "--body-field",
            paramLabel = "NAME",
            description = "JSON field of the text (default: content, body, text).")
    String bodyField;

    @Option(names = "--url-field", paramLabel = "NAME", description = "JSON field of the link (default: url, link).")
    String urlField;

    @Option(
            names = "--date-field",
            paramLabel = "NAME",
            description = "JSON field of the publication date (default: date_extracted, published, publishedAt, date).")
    String dateField;

    @Option(names = "--source-field", paramLabel = "NAME", description = "JSON field of the outlet (default: source).")
    String sourceField;

    @Option(
            names = "--author-field",
            paramLabel = "NAME",
            description = "JSON field of the byline, removed where glued to the text (default: author, byline).")
    String authorField;

    @Option(
            names = "--time-zone",
            paramLabel = "ZONE",
            description =
                    "Zone of dates written without an offset, e.g. Asia/Riyadh (default: newsqa.ingest.time-zone, UTC).")
    ZoneId timeZone;

    @Option(names = "--no-progress", description = "No progress bar (for logs and scripts).")
    boolean noProgress;

    @Override
    public Integer call() {
        CheckpointOnShutdown checkpoint = new CheckpointOnShutdown(SHUTDOWN_WAIT);
        try (checkpoint;
                ConfigurableApplicationContext context = CommandContext.startWithoutShutdownHook(
                        "add the articles through it instead: POST /api/admin/articles with the admin key (see /api-docs.html)")) {
            IngestProperties settings = context.getBean(IngestProperties.class);
            FileIngest ingest = new FileIngest(
                    context.getBean(ArticleIngestor.class),
                    new SourceReaders(
                            mapping(settings), settings.fetchTimeout(), context.getBean(FetchAddressPolicy.class)));
            IngestReport report = noProgress
                    ? ingest.ingestSources(inputs, checkpoint::watch, bytes -> {})
                    : withProgress(ingest, checkpoint);
            System.out.println(report.summary());
            return report.rejections().isEmpty() ? 0 : 1;
        }
    }

    FieldMapping mapping(IngestProperties settings) {
        FieldMapping mapping = FieldMapping.DEFAULT.withZone(timeZone != null ? timeZone : settings.timeZone());
        mapping = titleField == null ? mapping : mapping.withTitle(titleField);
        mapping = bodyField == null ? mapping : mapping.withBody(bodyField);
        mapping = urlField == null ? mapping : mapping.withUrl(urlField);
        mapping = dateField == null ? mapping : mapping.withDate(dateField);
        mapping = sourceField == null ? mapping : mapping.withSource(sourceField);
        return authorField == null ? mapping : mapping.withAuthor(authorField);
    }

    /**
     * The bar runs over the input bytes (known before reading, so it gives an ETA); its message
     * gives items/s and chunks/s.
     */
    private IngestReport withProgress(FileIngest ingest, CheckpointOnShutdown checkpoint) {
        long totalKb = Math.max(1, ingest.totalBytes(inputs) / 1024);
        AtomicReference<IngestRun> current = new AtomicReference<>();
        long start = System.nanoTime();
        try (ProgressBar bar = Progress.bar("ingest", totalKb, " KB").build()) {
            long[] bytes = {0};
            Thread rates = new Thread(
                    () -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            IngestRun run = current.get();
                            if (run != null) {
                                double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
                                bar.setExtraMessage(String.format(
                                        " %d items (%.1f/s), %d chunks (%.1f/s)",
                                        run.report().items(),
                                        run.report().items() / seconds,
                                        run.chunksStored(),
                                        run.chunksStored() / seconds));
                            }
                            try {
                                Thread.sleep(500);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "ingest-progress");
            rates.setDaemon(true);
            rates.start();
            try {
                return ingest.ingestSources(
                        inputs,
                        run -> {
                            current.set(run);
                            checkpoint.watch(run);
                        },
                        n -> {
                            bytes[0] += n;
                            bar.stepTo(Math.min(totalKb, bytes[0] / 1024));
                        });
            } finally {
                rates.interrupt();
                bar.stepTo(totalKb);
            }
        }
    }
}
