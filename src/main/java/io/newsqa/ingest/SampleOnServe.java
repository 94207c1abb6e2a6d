package io.newsqa.ingest;

import io.newsqa.config.NewsQaProperties;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;

/**
 * Loads the sample archive when {@code serve} starts, as a start-up runner: Spring Boot reports
 * readiness (and the start-up banner prints) only after the runners, so a first question cannot
 * meet a half-loaded archive.
 *
 * <p>By default the sample goes only into the zero-setup embedded archive in the default data
 * folder, the one a new user meets: never into PostgreSQL and never into a folder that was chosen
 * (NEWSQA_DATA_DIR), which hold someone's own news. {@code serve --sample} loads it anyway,
 * {@code --no-sample} never. Other commands do not set {@value #PROPERTY}, so they load nothing.
 */
public final class SampleOnServe implements ApplicationRunner {

    /** Set by {@code serve} only: {@code default}, {@code always} or {@code never}. */
    public static final String PROPERTY = "newsqa.serve.sample";

    static final Path DEFAULT_DATA_DIR = Path.of("data");

    public enum When {
        DEFAULT,
        ALWAYS,
        NEVER
    }

    /** Looked up only when loading: runners are made in every context, eval's too, which must not open the archive. */
    private final ObjectProvider<SampleArchive> sample;

    private final NewsQaProperties properties;
    private final Environment environment;

    public SampleOnServe(ObjectProvider<SampleArchive> sample, NewsQaProperties properties, Environment environment) {
        this.sample = sample;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        When when = environment.getProperty(PROPERTY, When.class);
        if (when == null || !wanted(when, properties.db().configured(), properties.dataDir())) {
            return;
        }
        IngestReport report = sample.getObject().loadIfEmpty();
        if (report.countOf(IngestOutcome.ADDED) > 0 || !report.rejections().isEmpty()) {
            System.out.println("Sample archive: " + report.summary());
        }
    }

    /** Whether the sample is loaded (into an empty archive) for this choice and archive. */
    static boolean wanted(When when, boolean postgres, Path dataDir) {
        return switch (when) {
            case ALWAYS -> true;
            case NEVER -> false;
            case DEFAULT ->
                !postgres
                        && dataDir.toAbsolutePath()
                                .normalize()
                                .equals(DEFAULT_DATA_DIR.toAbsolutePath().normalize());
        };
    }
}
