package io.newsqa.cli;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.RecordedStory;
import io.newsqa.ingest.IngestProperties;
import io.newsqa.ingest.dedupe.StoryBackfill;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "link-stories",
        mixinStandardHelpOptions = true,
        description = {
            "Link the articles of the configured archive (embedded, or PostgreSQL with NEWSQA_DB_URL) that were stored"
                    + " before articles were linked to stories: in publication order, each one that retells an earlier article"
                    + " (newsqa.ingest.same-story-threshold, as at ingest) joins that article's story. Nothing is embedded again.",
            "Articles already in a story are left alone; running it again changes nothing; a killed run can simply be run again."
        })
public final class LinkStoriesCommand implements Callable<Integer> {

    @Option(names = "--no-progress", description = "No progress bar (for logs and scripts).")
    boolean noProgress;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = CommandContext.start()) {
            StoryBackfill backfill = new StoryBackfill(
                    context.getBean(ArchiveIndex.class),
                    context.getBean(IngestProperties.class).similarityThresholds());
            List<RecordedStory> articles = backfill.articles();
            StoryBackfill.Report report;
            if (noProgress) {
                report = backfill.run(articles, walked -> {});
            } else {
                try (ProgressBar bar = Progress.bar("link-stories", articles.size(), " articles")
                        .build()) {
                    report = backfill.run(articles, bar::stepTo);
                }
            }
            System.out.println(report.summary());
            return 0;
        }
    }
}
