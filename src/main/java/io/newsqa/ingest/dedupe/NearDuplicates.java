package io.newsqa.ingest.dedupe;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArticleHeader;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.text.SentenceSplitter;
import io.newsqa.text.SubHeadings;
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
 * Finds how a new article relates to those it may copy, update or retell (a wire story run by
 * several outlets, a lightly edited repost, a story extended with new paragraphs). Two places are
 * searched: the articles of this run, through a locality-sensitive hash index of their MinHash
 * signatures (they may not be stored yet), and the archive, whose lexical search on the opening
 * words of the article proposes candidates. Each candidate is then compared on exact shingles:
 * when one of the two tells the other nearly whole (nearly all its shingles are there), a new
 * article with no sentence the candidate does not tell is a copy, and one that adds sentences is
 * an update of it; one that only shares much of its wording retells its story.
 * This needs nothing from the archive beyond its port, so both archives get it unchanged.
 */
public final class NearDuplicates {

    /** What the new article is to the stored one it is compared with. */
    public enum Relation {
        /** Nothing in it the stored article does not say (it is told there, or tells it and adds nothing): not stored. */
        COPY,
        /** It tells (nearly all of) the stored article, or is told by it, and adds sentences: stored, same story. */
        UPDATE,
        /** Another telling of the same story (shared wording, Jaccard from the same-story threshold): stored, same story. */
        RETELLING
    }

    /**
     * The related article, its story, the relation, the Jaccard similarity of the shingles (0 to
     * 1), and the new article's sentences the related one does not tell (none for a copy).
     */
    public record Match(
            String articleId, String storyId, Relation relation, double similarity, List<String> addedSentences) {

        public boolean isCopy() {
            return relation == Relation.COPY;
        }
    }

    /** Share of pairs at the lowest threshold that must share a band (become candidates). */
    private static final double CANDIDATE_RECALL = 0.98;
    /**
     * Share of a sentence's shingles the other article must have for the sentence to be told
     * there (with all its numbers): a sentence with one or two words changed still is, a new
     * sentence that borrows a few phrases is not. Chosen on SaudiNewsNet days not reported on
     * (docs/results/2026-12-07-dedupe.md).
     */
    static final double SENTENCE_TOLD = 0.5;

    private static final int QUERY_WORDS = 40;
    private static final int CANDIDATE_CHUNKS = 10;
    /** Stored articles' fingerprints kept (a few KB each). */
    private static final int STORED_FINGERPRINTS = 8192;

    /** Where stored candidates are searched; {@code null}: nowhere ({@link #amongRemembered}). */
    private final ArchiveIndex archive;

    private final SimilarityThresholds thresholds;
    private final int rowsPerBand;
    private final Map<Long, List<String>> bands = new HashMap<>();
    private final Map<String, Fingerprint> fingerprints = new HashMap<>();
    private final Map<String, String> stories = new HashMap<>();
    /**
     * Fingerprints of stored articles the archive proposed, by body hash: the same articles come
     * up as candidates for many new ones (their opening words are common), and computing one from
     * the body was half the detector's cost (JFR, bench-ingest). Keyed by the body's hash, so a
     * corrected article is taken again; bounded, oldest use first out.
     */
    private final Map<String, Fingerprint> storedFingerprints = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Fingerprint> eldest) {
            return size() > STORED_FINGERPRINTS;
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
     * The closest related article other than {@code id} itself (a corrected version of the same
     * article is an update under its own URL, not a copy), if any: a copy before an update before
     * a retelling, the most similar of each. A copy found among this run's articles ends the
     * search; else the archive is searched too.
     */
    public synchronized Optional<Match> closestTo(
            String id, String title, String body, String language, Fingerprint fingerprint) {
        if (fingerprint.isEmpty()) {
            return Optional.empty();
        }
        NewArticle fresh = new NewArticle(title, body, fingerprint.shingles());
        Set<String> seen = new LinkedHashSet<>();
        for (long key : fingerprint.signature().bandKeys(rowsPerBand)) {
            seen.addAll(bands.getOrDefault(key, List.of()));
        }
        Match best = null;
        for (String candidate : seen) {
            if (!candidate.equals(id)) {
                best = closer(
                        best,
                        compare(
                                fresh,
                                candidate,
                                stories.get(candidate),
                                fingerprints.get(candidate).shingles()));
            }
        }
        if (best != null && best.isCopy()) {
            return Optional.of(best);
        }
        List<ArticleHeader> stored = new ArrayList<>();
        if (archive != null) {
            for (ChunkHit hit :
                    archive.lexicalSearch(openingWords(body), language, CANDIDATE_CHUNKS, SearchFilter.none())) {
                if (!hit.article().id().equals(id) && seen.add(hit.article().id())) {
                    stored.add(hit.article());
                }
            }
        }
        Map<String, Fingerprint> storedPrints = fingerprintsOf(stored);
        for (ArticleHeader candidate : stored) {
            Fingerprint print = storedPrints.get(candidate.id());
            if (print != null) {
                best = closer(best, compare(fresh, candidate.id(), candidate.storyId(), print.shingles()));
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The fingerprints of stored candidates by id: remembered by this run, cached by content, or
     * made from their bodies, read in one go (search hits carry none). A candidate deleted since
     * the search has none.
     */
    private Map<String, Fingerprint> fingerprintsOf(List<ArticleHeader> candidates) {
        Map<String, Fingerprint> prints = new HashMap<>();
        List<ArticleHeader> unread = new ArrayList<>();
        for (ArticleHeader candidate : candidates) {
            Fingerprint known = fingerprints.get(candidate.id());
            if (known == null) {
                known = storedFingerprints.get(candidate.contentHash());
            }
            if (known != null) {
                prints.put(candidate.id(), known);
            } else {
                unread.add(candidate);
            }
        }
        if (!unread.isEmpty()) {
            Map<String, String> bodies =
                    archive.bodies(unread.stream().map(ArticleHeader::id).toList());
            for (ArticleHeader candidate : unread) {
                String stored = bodies.get(candidate.id());
                if (stored != null) {
                    prints.put(
                            candidate.id(),
                            storedFingerprints.computeIfAbsent(
                                    candidate.contentHash(), hash -> Fingerprint.of(stored)));
                }
            }
        }
        return prints;
    }

    /** How the new article relates to one candidate; {@code null} when it does not. */
    private Match compare(NewArticle fresh, String candidateId, String story, Shingles candidate) {
        Shingles shingles = fresh.shingles();
        int common = shingles.common(candidate);
        double jaccard = (double) common / (shingles.size() + candidate.size() - common);
        boolean told = (double) common / shingles.size() >= thresholds.copy();
        boolean tells = candidate.size() > 0 && (double) common / candidate.size() >= thresholds.copy();
        if (!told && !tells) {
            return jaccard >= thresholds.sameStory()
                    ? new Match(candidateId, story, Relation.RETELLING, jaccard, List.of())
                    : null;
        }
        // One tells the other nearly whole: the new one is a copy unless it says something more
        // (what it has beyond the candidate may be furniture only: a dateline, a time stamp).
        List<String> added = fresh.sentencesNotIn(candidate);
        return new Match(candidateId, story, added.isEmpty() ? Relation.COPY : Relation.UPDATE, jaccard, added);
    }

    private static Match closer(Match best, Match candidate) {
        if (candidate == null) {
            return best;
        }
        if (best == null || candidate.relation().ordinal() < best.relation().ordinal()) {
            return candidate;
        }
        return candidate.relation() == best.relation() && candidate.similarity() > best.similarity() ? candidate : best;
    }

    /**
     * Remembers an article of this run with its story, so later copies of it are found before it
     * is stored.
     */
    public synchronized void remember(String id, String storyId, Fingerprint fingerprint) {
        if (fingerprint.isEmpty() || fingerprints.putIfAbsent(id, fingerprint) != null) {
            return;
        }
        stories.put(id, storyId);
        for (long key : fingerprint.signature().bandKeys(rowsPerBand)) {
            bands.computeIfAbsent(key, k -> new ArrayList<>(2)).add(id);
        }
    }

    private static String openingWords(String body) {
        String[] words = body.split("\\s+", QUERY_WORDS + 1);
        return String.join(" ", Arrays.asList(words).subList(0, Math.min(words.length, QUERY_WORDS)));
    }

    /**
     * The article being compared, its sentences' shingles taken once, when a candidate first needs
     * them. Its own headline counts as told (a line that repeats it adds nothing), and so do lines
     * that read as sub-headings ({@link SubHeadings}: short, no end punctuation): an agency's
     * dateline and time stamp ("الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", "11:17 ت م"),
     * a byline, a tag line. They state nothing, and the extractive answer never quotes them either.
     */
    private static final class NewArticle {

        private final String title;
        private final String body;
        private final Shingles shingles;
        private Shingles titleShingles;
        private List<String> sentences;
        private List<Shingles> sentenceShingles;

        NewArticle(String title, String body, Shingles shingles) {
            this.title = title == null ? "" : title;
            this.body = body;
            this.shingles = shingles;
        }

        Shingles shingles() {
            return shingles;
        }

        /** Its sentences the other article does not tell: most of their shingles, or a number, missing there. */
        List<String> sentencesNotIn(Shingles other) {
            if (sentences == null) {
                titleShingles = Shingles.of(title);
                sentences = SentenceSplitter.split(body);
                sentenceShingles = sentences.stream().map(Shingles::of).toList();
            }
            List<String> added = new ArrayList<>();
            for (int i = 0; i < sentences.size(); i++) {
                if (SubHeadings.isSubHeading(sentences.get(i))) {
                    continue; // a dateline, byline, time stamp, tag line or sub-heading states nothing
                }
                Shingles sentence = sentenceShingles.get(i);
                if (sentence.containedIn(other, titleShingles) < SENTENCE_TOLD
                        || !sentence.numbersIn(other, titleShingles)) {
                    added.add(sentences.get(i));
                }
            }
            return added;
        }
    }
}
