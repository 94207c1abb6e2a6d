package io.newsqa.translate;

import io.newsqa.archive.WeightedTerm;
import io.newsqa.text.LanguageAnalyzers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * The words of one archive language by {@link TransliterationKey}: given a name written in the
 * other script, the archive's own spellings of it ("Lavrov" → لافروف, "مانينغ" → "manning"). Built
 * from the archive's vocabulary, so it only ever proposes words that occur.
 *
 * <p>At news scale keys collide (Arabic roots are three consonants, and so are many names'
 * keys), so a lookup ranks its candidates: by key distance first (a key of every letter as
 * written before one with an initial و or ي read as a vowel or a proclitic off, before a key one
 * class away from the name's), then by how well their vowels match the name's
 * ({@link TransliterationKey#skeletonDistance}: مورينيو is Mourinho, عمران is not), then by how many
 * chunks hold the word (an archive spells a name in the news mostly one way, and a rare look-alike
 * is more often a typo or an inflection). Words one search term covers (الرياض,
 * والرياض, بالرياض) are one candidate. Of the candidates at the nearest key distance, the first
 * {@link #DEFAULT_CANDIDATES} are kept, their weights falling with rank as a dictionary's senses do. Keys shorter than {@value #MIN_KEY} classes are
 * not indexed.
 *
 * <p>A lookup never scans the keys: it probes the buckets of the name's own keys and of the keys
 * one class away, generated from them (at most 27 per class of the key), and ranks only the few
 * most frequent of what it finds by vowels.
 *
 * <p>It also knows the archive's search terms, so that a dictionary sense that occurs nowhere in
 * the archive does not take a share of its word's weight ({@link #occurs}).
 */
final class NameIndex {

    static final int MIN_KEY = 3;
    /**
     * Candidates kept per name; chosen on XQuAD's dev split (docs/results/2026-12-07-cross-lingual.md).
     */
    static final int DEFAULT_CANDIDATES = 3;
    /** Names with keys this long also match archive keys one class away (a substituted, missing or extra class). */
    static final int MIN_FUZZY_KEY = 4;
    /** What a one-class difference of keys costs against an initial و or ي read as a vowel (1). */
    static final int FUZZY_DISTANCE = 2;
    /** Candidates whose vowels are compared with the name's, the most frequent of the nearest keys. */
    private static final int MAX_VOWEL_COMPARISONS = 16;

    private static final String CLASSES = "BDFGKLMNRSTWY";
    private static final String ARABIC_ARTICLE = "ال";
    private static final NameIndex EMPTY = new NameIndex(Map.of(), null, "", DEFAULT_CANDIDATES);

    private record Entry(String word, String term, int chunks, int distance) {}

    private final Map<String, List<Entry>> byKey;
    /** The search terms of the archive's words; {@code null} when unknown (then every sense may occur). */
    private final Set<String> terms;

    private final String language;
    private final int candidates;

    private NameIndex(Map<String, List<Entry>> byKey, Set<String> terms, String language, int candidates) {
        this.byKey = byKey;
        this.terms = terms;
        this.language = language;
        this.candidates = candidates;
    }

    static NameIndex empty() {
        return EMPTY;
    }

    /**
     * @param vocabulary word → number of chunks holding it
     * @param keysOf     the keys a word of the archive's language is indexed under
     */
    static NameIndex of(Map<String, Integer> vocabulary, Function<String, List<NameKey>> keysOf, String language) {
        return of(vocabulary, keysOf, language, DEFAULT_CANDIDATES);
    }

    static NameIndex of(
            Map<String, Integer> vocabulary, Function<String, List<NameKey>> keysOf, String language, int candidates) {
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be at least 1, was " + candidates);
        }
        Map<String, List<Entry>> byKey = new HashMap<>();
        Set<String> terms = new HashSet<>();
        vocabulary.forEach((word, chunks) -> {
            List<String> wordTerms = LanguageAnalyzers.terms(word, language);
            terms.addAll(wordTerms);
            String term = wordTerms.isEmpty() ? word : String.join(" ", wordTerms);
            for (NameKey key : keysOf.apply(word)) {
                if (key.key().length() >= MIN_KEY) {
                    byKey.computeIfAbsent(key.key(), k -> new ArrayList<>(2))
                            .add(new Entry(word, term, chunks, key.distance()));
                }
            }
        });
        return new NameIndex(byKey, terms, language, candidates);
    }

    /** Whether the index knows the archive's words ({@link #occurs} can say no). */
    boolean knowsWords() {
        return terms != null;
    }

    /** Whether a search term (as the language's analyzer makes it) occurs in the archive; true when its words are unknown. */
    boolean holdsTerm(String term) {
        return terms == null || terms.contains(term);
    }

    /**
     * Whether a dictionary sense can match anything in the archive (one of its search terms
     * occurs): a sense that cannot should not take a share of its word's weight.
     */
    boolean occurs(String sense) {
        if (terms == null) {
            return true;
        }
        for (String term : LanguageAnalyzers.terms(sense, language)) {
            if (terms.contains(term)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The archive's words most likely to spell the name whose keys are given, best first, with
     * weights summing to {@code weight}; empty when no archive word is near.
     *
     * @param name the name as written in the other script, whose vowel places
     *             ({@link TransliterationKey#skeletons}) break ties among candidates of one key
     *             distance; {@code ""} for none
     */
    List<WeightedTerm> match(String name, List<NameKey> keys, double weight) {
        return match(name, keys, false, weight);
    }

    /**
     * @param withArticle whether the name was written with the Arabic article in Latin script
     *                    (Al-Nassr): then, among candidates of one key distance, the terms the
     *                    archive writes mostly with the article (النصر) come before those it
     *                    writes mostly without (ناصر, a person's name)
     */
    List<WeightedTerm> match(String name, List<NameKey> keys, boolean withArticle, double weight) {
        if (byKey.isEmpty()) {
            return List.of();
        }
        Map<String, Found> byWord = new HashMap<>();
        Map<String, Integer> exact = new HashMap<>();
        keys.forEach(key -> exact.merge(key.key(), key.distance(), Math::min));
        probe(exact, byWord);
        // Keys one class away only for a Latin name (an Arabic one already has a key per reading of
        // its letters), and only when no archive word has the name's own key as written.
        boolean latinName = !name.isEmpty() && name.charAt(0) < 0x0600;
        if (latinName && byWord.values().stream().noneMatch(found -> found.distance == 0)) {
            Map<String, Integer> near = new HashMap<>();
            keys.forEach(key -> neighbours(key).forEach(n -> near.merge(n.key(), n.distance(), Math::min)));
            exact.keySet().forEach(near::remove);
            probe(near, byWord);
        }
        List<Candidate> ranked = candidatesByTerm(byWord.values());
        // Vowels decide among the most frequent candidates only: a short key can have hundreds.
        Comparator<Candidate> nearest = withArticle ? BY_DISTANCE_THEN_ARTICLE : BY_DISTANCE;
        ranked = first(ranked, MAX_VOWEL_COMPARISONS, nearest.thenComparing(BY_FREQUENCY));
        List<String> nameSkeletons = name.isEmpty() ? List.of() : TransliterationKey.skeletons(name);
        ranked.forEach(candidate -> candidate.skeletonDistance =
                skeletonDistance(nameSkeletons, TransliterationKey.skeletons(candidate.word), latinName));
        ranked.sort(nearest.thenComparingInt(c -> c.skeletonDistance).thenComparing(BY_FREQUENCY));
        // Only the nearest key distance: a word found under the name's own key leaves no weight
        // to look-alikes that need a vowel reading, a proclitic off or another class.
        int nearestDistance = ranked.isEmpty() ? 0 : ranked.get(0).distance;
        int kept = (int) Math.min(
                candidates,
                ranked.stream().takeWhile(c -> c.distance == nearestDistance).count());
        double total = 0;
        for (int rank = 1; rank <= kept; rank++) {
            total += 1.0 / rank;
        }
        List<WeightedTerm> matches = new ArrayList<>(kept);
        for (int rank = 1; rank <= kept; rank++) {
            matches.add(new WeightedTerm(ranked.get(rank - 1).word, weight / rank / total));
        }
        return matches;
    }

    /** An archive word a lookup reached, with the nearest key distance it was reached at. */
    private static final class Found {
        final Entry entry;
        int distance;

        Found(Entry entry, int distance) {
            this.entry = entry;
            this.distance = distance;
        }
    }

    /**
     * One search term's candidate: its nearest word (the more frequent, then the alphabetically
     * first, among equally near ones) and how many chunks hold any of the term's words found.
     */
    private static final class Candidate {
        final String term;
        String word;
        int distance;
        int wordChunks;
        int termChunks;
        int skeletonDistance;
        /** Chunks of the term's words found written with the article (النصر, والنصر, للنصر). */
        int articleChunks;

        Candidate(String term) {
            this.term = term;
        }

        void add(String otherWord, int otherDistance, int chunks) {
            termChunks += chunks;
            articleChunks += hasArticle(otherWord) ? chunks : 0;
            if (word == null
                    || otherDistance < distance
                    || (otherDistance == distance
                            && (chunks > wordChunks || (chunks == wordChunks && otherWord.compareTo(word) < 0)))) {
                word = otherWord;
                distance = otherDistance;
                wordChunks = chunks;
            }
        }
    }

    /**
     * Whether the archive writes the term mostly with the article: the club النصر, not the name
     * ناصر, though the stemmer gives both one term and عبد الناصر writes the name with it.
     */
    private static boolean mostlyWithArticle(Candidate candidate) {
        return 2 * candidate.articleChunks > candidate.termChunks;
    }

    private static boolean hasArticle(String word) {
        return word.startsWith(ARABIC_ARTICLE)
                || word.startsWith("لل")
                || (word.length() > 3 && "وفبك".indexOf(word.charAt(0)) >= 0 && word.startsWith(ARABIC_ARTICLE, 1));
    }

    private static final Comparator<Candidate> BY_FREQUENCY =
            Comparator.<Candidate>comparingInt(c -> -c.termChunks).thenComparing(c -> c.term);
    private static final Comparator<Candidate> BY_DISTANCE = Comparator.comparingInt(c -> c.distance);
    private static final Comparator<Candidate> BY_DISTANCE_THEN_ARTICLE =
            BY_DISTANCE.thenComparing(c -> !mostlyWithArticle(c));

    private static List<Candidate> candidatesByTerm(Iterable<Found> found) {
        Map<String, Candidate> byTerm = new HashMap<>();
        for (Found f : found) {
            byTerm.computeIfAbsent(f.entry.term(), Candidate::new).add(f.entry.word(), f.distance, f.entry.chunks());
        }
        return new ArrayList<>(byTerm.values());
    }

    /**
     * The first {@code n} by a total order, in that order, without sorting them all: a short key's
     * candidates number in the thousands at news scale and only a few are compared further.
     */
    private static List<Candidate> first(List<Candidate> all, int n, Comparator<Candidate> order) {
        if (all.size() <= n) {
            all.sort(order);
            return all;
        }
        PriorityQueue<Candidate> worstFirst = new PriorityQueue<>(n + 1, order.reversed());
        for (Candidate candidate : all) {
            if (worstFirst.size() < n) {
                worstFirst.add(candidate);
            } else if (order.compare(candidate, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(candidate);
            }
        }
        List<Candidate> first = new ArrayList<>(worstFirst);
        first.sort(order);
        return first;
    }

    static int skeletonDistance(List<String> names, List<String> candidates, boolean latinName) {
        int best = names.isEmpty() || candidates.isEmpty() ? 0 : Integer.MAX_VALUE;
        for (String name : names) {
            for (String candidate : candidates) {
                best = Math.min(
                        best,
                        latinName
                                ? TransliterationKey.skeletonDistance(name, candidate)
                                : TransliterationKey.skeletonDistance(candidate, name));
            }
        }
        return best;
    }

    private void probe(Map<String, Integer> keys, Map<String, Found> byWord) {
        keys.forEach((key, distance) -> {
            for (Entry entry : byKey.getOrDefault(key, List.of())) {
                int reached = distance + entry.distance();
                Found found = byWord.get(entry.word());
                if (found == null) {
                    byWord.put(entry.word(), new Found(entry, reached));
                } else if (reached < found.distance) {
                    found.distance = reached;
                }
            }
        });
    }

    /**
     * For keys of at least {@value #MIN_FUZZY_KEY} classes, the keys one class away (one
     * substituted, missing or extra), at {@link #FUZZY_DISTANCE}; none under that length, or
     * shorter than {@value #MIN_FUZZY_KEY} themselves (short keys are shared by too many words).
     */
    private static List<NameKey> neighbours(NameKey key) {
        List<NameKey> keys = new ArrayList<>();
        String k = key.key();
        if (k.length() < MIN_FUZZY_KEY) {
            return keys;
        }
        int distance = key.distance() + FUZZY_DISTANCE;
        for (int i = 0; i <= k.length(); i++) {
            if (i < k.length() && k.length() > MIN_FUZZY_KEY) {
                keys.add(new NameKey(k.substring(0, i) + k.substring(i + 1), distance));
            }
            for (char c : CLASSES.toCharArray()) {
                keys.add(new NameKey(k.substring(0, i) + c + k.substring(i), distance));
                if (i < k.length() && c != k.charAt(i)) {
                    keys.add(new NameKey(k.substring(0, i) + c + k.substring(i + 1), distance));
                }
            }
        }
        return keys;
    }

    int keys() {
        return byKey.size();
    }
}
