package io.newsqa.ingest;

import io.newsqa.ingest.dedupe.SimilarityThresholds;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingestion settings ({@code newsqa.ingest.*}); defaults and comments in {@code application.yml}.
 *
 * @param copyContainment        share of one article's word 3-shingles found in another from which
 *                               it is told there: a new article told by a stored one and adding no
 *                               sentence is a copy and is not stored; one adding sentences is an update
 * @param sameStoryThreshold     Jaccard similarity of the shingles from which an article is stored
 *                               linked to the other one's story (retrieval and answers count the story once)
 * @param batchChunks            chunks per embedding call, across articles
 * @param storeBatchArticles     articles stored per archive write (one commit) during a run
 * @param fetchTimeout           connect and read timeout for URLs
 * @param timeZone               zone of source dates written without an offset
 */
@ConfigurationProperties("newsqa.ingest")
public record IngestProperties(
        @DefaultValue("0.8") double copyContainment,
        @DefaultValue("0.4") double sameStoryThreshold,
        @DefaultValue("64") int batchChunks,
        @DefaultValue("100") int storeBatchArticles,
        @DefaultValue("20s") Duration fetchTimeout,
        @DefaultValue("UTC") ZoneId timeZone) {

    public SimilarityThresholds similarityThresholds() {
        return new SimilarityThresholds(copyContainment, sameStoryThreshold);
    }
}
