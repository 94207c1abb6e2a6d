package io.newsqa.ingest.dedupe;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.Article;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the article closest to a new one among those it may copy or retell (a wire story run by
 * several outlets, a lightly edited repost). Two places are searched: the articles of this run,
 * through a locality-sensitive hash index of their MinHash signatures (they may not be stored
 * yet), and the archive, whose lexical search on the opening words of the article proposes
 * candidates whose bodies are then compared. This needs nothing from the archive beyond its port,
 * so both archives get it unchanged.
 */
public final class NearDuplicates {

    /** The closest article, its story, and how similar it is (0 to 1). */
    public record Match(String articleId, String storyId, double similarity) {
    }

    /** Share of pairs at the lowest threshold that must share a band (become candidates). */
    private static final double CANDIDATE_RECALL = 0.98;
    private static final int QUERY_WORDS = 40;
    private static final int CANDIDATE_CHUNKS = 10;
    /** Stored articles' signatures kept (about 600 bytes each). */
    private static final int STORED_SIGNATURES = 8192;

    /** Where stored candidates are searched; {@code null}: nowhere ({@link #amongRemembered}). */
    private final ArchiveIndex archive;
    private final SimilarityThresholds thresholds;
    private final int rowsPerBand;
    private final Map<Long, List<String>> bands = new HashMap<>();
    private final Map<String, MinHashSignature> signatures = new HashMap<>();
    private final Map<String, String> stories = new HashMap<>();
    /**
     * Signatures of stored articles the archive proposed, by body hash: the same articles come up
     * as candidates for many new ones (their opening words are common), and computing a signature
     * from the body was half the detector's cost (JFR, bench-ingest). Keyed by the body's hash, so
     * a corrected article is signed again; bounded, oldest use first out.
     */
    private final Map<String, MinHashSignature> storedSignatures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MinHashSignature> eldest) {
            return size() > STORED_SIGNATURES;
        }
    };

    public NearDuplicates(ArchiveIndex archive, SimilarityThresholds thresholds) {
        this.archive = archive;
        this.thresholds = thresholds;
        this.rowsPerBand = rowsPerBand(thresholds.sameStory());
    }

    /**
     * A detector that compares an article with the remembered ones only, never searching an
     * archive: what an ingest of articles in a chosen order into an empty archive would find. For
     * articles that are all stored already, where only those before one in that order count
     * ({@code newsqa link-stories}), and for measuring the detector ({@code bench-stories}).
     */
    public static NearDuplicates amongRemembered(SimilarityThresholds thresholds) {
        return new NearDuplicates(null, thresholds);
    }

    /**
     * The widest bands (fewest chance candidates) in which pairs at {@code threshold} still share
     * a band with probability {@value #CANDIDATE_RECALL}: 4 buckets per band at 0.6, 2 at 0.4.
     */
    static int rowsPerBand(double threshold) {
        for (int rows = 8; rows > 1; rows /= 2) {
            int bandCount = MinHashSignature.BUCKETS / rows;
            if (1 - Math.pow(1 - Math.pow(threshold, rows), bandCount) >= CANDIDATE_RECALL) {
                return rows;
            }
        }
        return 1;
    }

    /**
     * The most similar article at or above the same-story threshold, other than {@code id} itself
     * (a corrected version of the same article is an update, not a copy), if any. A copy found
     * among this run's articles ends the search; else the archive is searched too.
     */
    public synchronized Optional<Match> closestTo(String id, String body, String language, MinHashSignature signature) {
        if (signature.isEmpty()) {
            return Optional.empty();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (long key : signature.bandKeys(rowsPerBand)) {
            seen.addAll(bands.getOrDefault(key, List.of()));
        }
        Match best = null;
        for (String candidate : seen) {
            if (!candidate.equals(id)) {
                best = closer(best, new Match(candidate, stories.get(candidate), signatures.get(candidate).similarity(signature)));
            }
        }
        if (best != null && thresholds.isCopy(best.similarity())) {
            return Optional.of(best);
        }
        List<ChunkHit> stored = archive == null ? List.of()
                : archive.lexicalSearch(openingWords(body), language, CANDIDATE_CHUNKS, SearchFilter.none());
        for (ChunkHit hit : stored) {
            Article candidate = hit.article();
            if (!candidate.id().equals(id) && seen.add(candidate.id())) {
                best = closer(best, new Match(candidate.id(), candidate.storyId(), signatureOf(candidate).similarity(signature)));
            }
        }
        return Optional.ofNullable(best).filter(match -> match.similarity() >= thresholds.sameStory());
    }

    /** The signature of an article this run remembered, or of a stored one (cached). */
    private MinHashSignature signatureOf(Article stored) {
        MinHashSignature remembered = signatures.get(stored.id());
        if (remembered != null) {
            return remembered;
        }
        return storedSignatures.computeIfAbsent(stored.contentHash(), hash -> MinHashSignature.of(stored.body()));
    }

    private static Match closer(Match best, Match candidate) {
        return best == null || candidate.similarity() > best.similarity() ? candidate : best;
    }

    /**
     * Remembers an article of this run with its story, so later copies of it are found before it
     * is stored.
     */
    public synchronized void remember(String id, String storyId, MinHashSignature signature) {
        if (signature.isEmpty() || signatures.putIfAbsent(id, signature) != null) {
            return;
        }
        stories.put(id, storyId);
        for (long key : signature.bandKeys(rowsPerBand)) {
            bands.computeIfAbsent(key, k -> new ArrayList<>(2)).add(id);
        }
    }

    private static String openingWords(String body) {
        String[] words = body.split("\\s+", QUERY_WORDS + 1);
        return String.join(" ", Arrays.asList(words).subList(0, Math.min(words.length, QUERY_WORDS)));
    }
}
