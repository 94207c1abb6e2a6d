package io.newsqa.translate;

import io.newsqa.archive.WeightedTerm;
import java.util.ArrayList;
import io.newsqa.text.LanguageAnalyzers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The words of one archive language by {@link TransliterationKey}: given a name written in the
 * other script, the archive's own spellings of it ("مانينغ" → "manning"). Built from the
 * archive's vocabulary, so it only ever proposes words that occur.
 *
 * <p>A key shared by many words says little ("MN": man, men, mine, moon…): keys shorter than
 * {@value #MIN_KEY} classes are not indexed, and a key matching more than {@value #MAX_MATCHES}
 * words is ignored. A word's weight is shared among its matches, rarer words weighing more
 * (inverse chunk frequency): names are rare.
 *
 * <p>It also knows the archive's search terms, so that a dictionary sense that occurs nowhere in
 * the archive does not take a share of its word's weight ({@link #occurs}).
 */
final class NameIndex {

    static final int MIN_KEY = 3;
    static final int MAX_MATCHES = 6;
    private static final NameIndex EMPTY = new NameIndex(Map.of(), null, "");

    private record Entry(String word, int chunks) {
    }

    private final Map<String, List<Entry>> byKey;
    /** The search terms of the archive's words; {@code null} when unknown (then every sense may occur). */
    private final Set<String> terms;
    private final String language;

    private NameIndex(Map<String, List<Entry>> byKey, Set<String> terms, String language) {
        this.byKey = byKey;
        this.terms = terms;
        this.language = language;
    }

    static NameIndex empty() {
        return EMPTY;
    }

    /**
     * @param vocabulary word → number of chunks holding it
     * @param keysOf     the keys a word of the archive's language is indexed under
     */
    static NameIndex of(Map<String, Integer> vocabulary, Function<String, List<String>> keysOf, String language) {
        Map<String, List<Entry>> byKey = new HashMap<>();
        Set<String> terms = new HashSet<>();
        vocabulary.forEach((word, chunks) -> {
            terms.addAll(LanguageAnalyzers.terms(word, language));
            for (String key : keysOf.apply(word)) {
                if (key.length() >= MIN_KEY) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(new Entry(word, chunks));
                }
            }
        });
        return new NameIndex(byKey, terms, language);
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
     * The archive's words sharing one of the keys (tried in order; the first that matches
     * anything wins), weights summing to {@code weight}; empty when none or too many match.
     */
    List<WeightedTerm> match(List<String> keys, double weight) {
        for (String key : keys) {
            List<Entry> entries = byKey.get(key);
            if (entries == null) {
                continue;
            }
            if (entries.size() > MAX_MATCHES) {
                return List.of();
            }
            double total = entries.stream().mapToDouble(entry -> 1.0 / entry.chunks()).sum();
            return entries.stream().map(entry -> new WeightedTerm(entry.word(), weight / entry.chunks() / total)).toList();
        }
        return List.of();
    }

    int keys() {
        return byKey.size();
    }
}
