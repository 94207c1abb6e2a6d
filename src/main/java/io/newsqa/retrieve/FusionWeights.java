package io.newsqa.retrieve;

/**
 * How much each ranker counts in reciprocal rank fusion, for one question language.
 *
 * <p>The built-in embedding models are English-only: for an Arabic question their ranking is
 * close to noise, so Arabic trusts the lexical ranker far more (the measurements behind the
 * defaults: docs/results/2026-11-29-retrieval.md).
 *
 * @param dense   weight of the dense (vector) ranking
 * @param lexical weight of the lexical (BM25 / full-text) ranking
 * @param k       the RRF constant: larger flattens the difference between top ranks
 */
public record FusionWeights(double dense, double lexical, int k) {

    public FusionWeights {
        if (dense < 0 || lexical < 0 || dense + lexical == 0) {
            throw new IllegalArgumentException("fusion weights must be non-negative and not both zero");
        }
        if (k < 1) {
            throw new IllegalArgumentException("RRF k must be at least 1");
        }
    }
}
