package io.newsqa.ingest.dedupe;

/**
 * The two shares of word 3-shingles that sort a new article against a stored one.
 *
 * <p>{@code copy} is a containment: from it on, the share of one article's shingles found in
 * the other means one tells the other. The new article is then a copy (not stored) when it adds
 * no sentence the stored one does not tell; when it adds sentences (new paragraphs, a changed
 * number) it is an update, stored in the same story. Containment rather than Jaccard similarity, so that
 * an extended version of a story is never taken for a copy of the shorter one, and a trimmed
 * copy of a longer one is. Chosen on SaudiNewsNet days not reported on (docs/results/2026-12-07-dedupe.md).
 *
 * <p>{@code sameStory} is a Jaccard similarity (shared shingles over all shingles of the two):
 * from it on, an article that neither tells nor is told by the other is another telling of its
 * story, stored and linked to it. Measured on SaudiNewsNet with {@code newsqa-tools bench-stories}
 * (docs/reference/ingest.md): 23 of 24 sampled pairs at 0.5-0.6 and 22 of 24 at 0.4-0.5 were one story
 * told twice, 13 of 24 at 0.3-0.4.
 */
public record SimilarityThresholds(double copy, double sameStory) {

    public static final SimilarityThresholds DEFAULT = new SimilarityThresholds(0.8, 0.4);

    public SimilarityThresholds {
        if (copy <= 0 || copy > 1 || sameStory <= 0 || sameStory > 1) {
            throw new IllegalArgumentException("thresholds must be above 0 and at most 1: copy containment " + copy
                    + ", same-story similarity " + sameStory);
        }
    }
}
