package io.newsqa.translate;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.WeightedTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The third ranking of hybrid search: the question translated into the archive's other language
 * and searched lexically there, so that an English question finds Arabic articles and back. Off
 * (an empty ranking) when no translator is loaded.
 */
public final class CrossLingualRanking {

    private static final CrossLingualRanking OFF = new CrossLingualRanking(null, List.of(), 0);

    private final ArchiveIndex archive;
    private final List<DictionaryQueryTranslator> translators;
    private final double weight;

    /** @param weight of this ranking in reciprocal rank fusion, like the dense and lexical weights */
    public CrossLingualRanking(ArchiveIndex archive, List<DictionaryQueryTranslator> translators, double weight) {
        if (weight < 0 || Double.isNaN(weight) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("newsqa.translation.weight must be zero or positive, was " + weight);
        }
        this.archive = archive;
        this.translators = List.copyOf(translators);
        this.weight = weight;
    }

    public static CrossLingualRanking off() {
        return OFF;
    }

    public boolean enabled() {
        return !translators.isEmpty() && weight > 0;
    }

    public double weight() {
        return weight;
    }

    /**
     * Chunks of other languages matching the translated question, best first; empty when the
     * feature is off or no translator starts from the question's language.
     */
    public List<ChunkHit> rank(String question, String language, int limit, SearchFilter filter) {
        if (!enabled()) {
            return List.of();
        }
        List<ChunkHit> hits = new ArrayList<>();
        for (DictionaryQueryTranslator translator : translators) {
            if (!translator.sourceLanguage().equals(language)) {
                continue;
            }
            List<WeightedTerm> terms = translator.translate(question);
            if (!terms.isEmpty()) {
                hits.addAll(archive.weightedLexicalSearch(terms, translator.targetLanguage(), limit, filter));
            }
        }
        if (hits.size() > limit) { // only with more than one target language
            hits.sort(Comparator.comparingDouble(ChunkHit::score).reversed());
            return List.copyOf(hits.subList(0, limit));
        }
        return hits;
    }
}
