package io.newsqa.ingest.dedupe;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the article a new one copies (a wire story run by several outlets, a lightly edited
 * repost). Two places are searched: the articles of this run, through a locality-sensitive hash
 * index of their MinHash signatures (they may not be stored yet), and the archive, whose lexical
 * search on the opening words of the article proposes candidates whose bodies are then compared.
 * This needs nothing from the archive beyond its port, so both archives get it unchanged.
 */
public final class NearDuplicates {

    /** Bands of 4 buckets: pairs at similarity 0.6 share a band with probability above 0.99. */
    private static final int ROWS_PER_BAND = 4;
    private static final int QUERY_WORDS = 40;
    private static final int CANDIDATE_CHUNKS = 10;

    private final ArchiveIndex archive;
    private final double threshold;
    private final Map<Long, List<String>> bands = new HashMap<>();
    private final Map<String, MinHashSignature> signatures = new HashMap<>();

    /**
     * @param threshold estimated Jaccard similarity of word 3-shingles from which an article is a
     *                  copy (0.6 catches wire copies with a changed intro or ending; unrelated
     *                  stories on one event stay far below it)
     */
    public NearDuplicates(ArchiveIndex archive, double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("near-duplicate threshold must be in (0, 1], was " + threshold);
        }
        this.archive = archive;
        this.threshold = threshold;
    }

    /**
     * The id of the article this body copies, other than {@code id} itself (a corrected version of
     * the same article is an update, not a copy), if any.
     */
    public synchronized Optional<String> originalOf(String id, String body, String language, MinHashSignature signature) {
        if (signature.isEmpty()) {
            return Optional.empty();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (long key : signature.bandKeys(ROWS_PER_BAND)) {
            seen.addAll(bands.getOrDefault(key, List.of()));
        }
        for (String candidate : seen) {
            if (!candidate.equals(id) && signatures.get(candidate).similarity(signature) >= threshold) {
                return Optional.of(candidate);
            }
        }
        for (ChunkHit hit : archive.lexicalSearch(openingWords(body), language, CANDIDATE_CHUNKS, SearchFilter.none())) {
            String candidate = hit.article().id();
            if (!candidate.equals(id) && seen.add(candidate)
                    && MinHashSignature.of(hit.article().body()).similarity(signature) >= threshold) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Remembers an article of this run, so later copies of it are found before it is stored. */
    public synchronized void remember(String id, MinHashSignature signature) {
        if (signature.isEmpty() || signatures.putIfAbsent(id, signature) != null) {
            return;
        }
        for (long key : signature.bandKeys(ROWS_PER_BAND)) {
            bands.computeIfAbsent(key, k -> new ArrayList<>(2)).add(id);
        }
    }

    private static String openingWords(String body) {
        String[] words = body.split("\\s+", QUERY_WORDS + 1);
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(words.length, QUERY_WORDS)));
    }
}
