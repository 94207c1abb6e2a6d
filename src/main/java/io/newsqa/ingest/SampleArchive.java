package io.newsqa.ingest;

import io.newsqa.archive.ArchiveCatalog;
import io.newsqa.ingest.article.PlainTextArticle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The small archive shipped in the jar ({@code sample-archive/}): the seed article and a few
 * fictional ones, so that a new user can ask something the moment the server starts.
 */
public final class SampleArchive {

    private static final String LOCATION = "classpath*:sample-archive/*.txt";

    private final ArchiveCatalog archive;
    private final ArticleIngestor ingestor;

    public SampleArchive(ArchiveCatalog archive, ArticleIngestor ingestor) {
        this.archive = archive;
        this.ingestor = ingestor;
    }

    /** Loads the sample articles into an empty archive; an archive with content is left alone. */
    public IngestReport loadIfEmpty() {
        IngestReport report = new IngestReport();
        if (archive.stats().articles() > 0) {
            return report;
        }
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    report.count(ingestor.ingest(PlainTextArticle.parse(content)));
                } catch (RuntimeException e) {
                    report.reject(resource.getFilename(), e.getMessage());
                }
            }
        } catch (IOException e) {
            report.reject(LOCATION, "sample archive could not be listed: " + e.getMessage());
        }
        return report;
    }
}
