package io.newsqa.ingest;

import java.time.Duration;
import io.newsqa.ingest.dedupe.SimilarityThresholds;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingestion settings ({@code newsqa.ingest.*}); defaults and comments in {@code application.yml}.
 *
 * @param nearDuplicateThreshold estimated share of word 3-shingles two articles share from which
 *                               the later one is a copy and is not stored
 * @param sameStoryThreshold     the share from which the later one is stored, linked to the earlier
 *                               one's story (retrieval and answers count the story once)
 * @param batchChunks            chunks per embedding call, across articles
 * @param storeBatchArticles     articles stored per archive write (one commit) during a run
 * @param fetchTimeout           connect and read timeout for URLs
 * @param timeZone               zone of source dates written without an offset
 */
@ConfigurationProperties("newsqa.ingest")
public record IngestProperties(@DefaultValue("0.6") double nearDuplicateThreshold,
                               @DefaultValue("0.4") double sameStoryThreshold,
                               @DefaultValue("64") int batchChunks,
                               @DefaultValue("100") int storeBatchArticles,
                               @DefaultValue("20s") Duration fetchTimeout,
                               @DefaultValue("UTC") ZoneId timeZone) {

    public SimilarityThresholds similarityThresholds() {
        return new SimilarityThresholds(nearDuplicateThreshold, sameStoryThreshold);
    }
}
