package io.newsqa.ingest.dedupe;

/**
 * The two MinHash similarities (estimated Jaccard similarity of word 3-shingles) that sort a new
 * article against the closest one stored: from {@code copy} on it is a copy and is not stored;
 * from {@code sameStory} on it is stored, linked to that article's story. Measured on SaudiNewsNet
 * with {@code newsqa bench-stories} (docs/ingest.md): 23 of 24 sampled pairs at 0.5-0.6 and 22 of
 * 24 at 0.4-0.5 were one story told twice, 13 of 24 at 0.3-0.4 (the rest: different greeting
 * cables, weather reports and photo stubs written from one template).
 */
public record SimilarityThresholds(double copy, double sameStory) {

    public static final SimilarityThresholds DEFAULT = new SimilarityThresholds(0.6, 0.4);

    public SimilarityThresholds {
        if (copy <= 0 || copy > 1 || sameStory <= 0 || sameStory > copy) {
            throw new IllegalArgumentException("similarity thresholds must satisfy 0 < same-story <= near-duplicate <= 1, were "
                    + sameStory + " and " + copy);
        }
    }

    public boolean isCopy(double similarity) {
        return similarity >= copy;
    }
}
