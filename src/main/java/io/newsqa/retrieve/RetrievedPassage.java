package io.newsqa.retrieve;

import io.newsqa.archive.ChunkHit;

/**
 * A chunk chosen for a question, with the evidence for choosing it.
 *
 * @param hit        the chunk and its article
 * @param fusedScore reciprocal-rank-fusion score; only its order means something
 * @param denseRank  1-based rank in the dense list, or 0 when the dense ranker did not find it
 * @param lexicalRank 1-based rank in the lexical list, or 0 when the lexical ranker did not find it
 */
public record RetrievedPassage(ChunkHit hit, double fusedScore, int denseRank, int lexicalRank) {}
