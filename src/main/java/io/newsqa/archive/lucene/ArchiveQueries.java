package io.newsqa.archive.lucene;

import static io.newsqa.archive.lucene.ArchiveDocuments.ARTICLE_ID;
import static io.newsqa.archive.lucene.ArchiveDocuments.CONTENT_HASH;
import static io.newsqa.archive.lucene.ArchiveDocuments.LANGUAGE;
import static io.newsqa.archive.lucene.ArchiveDocuments.PUBLISHED_MILLIS;
import static io.newsqa.archive.lucene.ArchiveDocuments.SOURCE;
import static io.newsqa.archive.lucene.ArchiveDocuments.TYPE;
import static io.newsqa.archive.lucene.ArchiveDocuments.TYPE_ARTICLE;
import static io.newsqa.archive.lucene.ArchiveDocuments.TYPE_CHUNK;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.WeightedTerm;
import io.newsqa.text.LanguageAnalyzers;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene queries behind the port's operations. User text never goes through a query parser:
 * it is analysed into terms and each term becomes a {@link TermQuery}, so no input is a syntax
 * error.
 */
final class ArchiveQueries {

    /**
     * Questions are short; a pasted article must not exceed Lucene's limit of 1024 clauses per
     * query, and its first few hundred distinct terms say enough about what it is looking for.
     */
    static final int MAX_QUERY_TERMS = 256;

    private ArchiveQueries() {}

    static Query articleById(String articleId) {
        return article(new TermQuery(new Term(ARTICLE_ID, articleId)));
    }

    static Query articlesById(Collection<String> articleIds) {
        return article(new TermInSetQuery(
                ARTICLE_ID, articleIds.stream().map(BytesRef::new).toList()));
    }

    static Query articleByContentHash(String contentHash) {
        return article(new TermQuery(new Term(CONTENT_HASH, contentHash)));
    }

    private static Query article(Query condition) {
        return new BooleanQuery.Builder()
                .add(condition, Occur.FILTER)
                .add(allArticles(), Occur.FILTER)
                .build();
    }

    static Query allArticles() {
        return new TermQuery(new Term(TYPE, TYPE_ARTICLE));
    }

    /** Articles having this value in a keyword field such as language or source. */
    static Query articlesWith(String field, String value) {
        return article(new TermQuery(new Term(field, value)));
    }

    static Query allChunks() {
        return new TermQuery(new Term(TYPE, TYPE_CHUNK));
    }

    /**
     * Chunks whose text contains any of the question's terms, scored by BM25, within the filter;
     * empty when the question has no terms left after analysis (only stop words or punctuation).
     * The question is analysed like the text of its language, and searched in that language's field.
     */
    static Optional<Query> lexical(String questionText, String language, SearchFilter filter) {
        if (questionText == null || questionText.isBlank()) {
            return Optional.empty();
        }
        Set<String> terms =
                new LinkedHashSet<>(LanguageAnalyzers.terms(questionText, ArchiveDocuments.analysisLanguage(language)));
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        String field = ArchiveDocuments.textField(language);
        BooleanQuery.Builder anyTerm = new BooleanQuery.Builder();
        terms.stream()
                .limit(MAX_QUERY_TERMS)
                .forEach(term -> anyTerm.add(new TermQuery(new Term(field, term)), Occur.SHOULD));
        return Optional.of(new BooleanQuery.Builder()
                .add(anyTerm.build(), Occur.MUST)
                .add(chunksWithin(filter), Occur.FILTER)
                .build());
    }

    /**
     * Chunks containing any of the words of weighted terms, each word's BM25 score multiplied by
     * its weight; the heaviest {@link #MAX_QUERY_TERMS} words are kept.
     */
    static Optional<Query> weightedLexical(List<WeightedTerm> terms, String language, SearchFilter filter) {
        return weighted(terms, language, ArchiveDocuments.textField(language), chunksWithin(filter));
    }

    /**
     * Articles whose whole text or title contains any of the words of weighted terms, scored as
     * {@link #weightedLexical} scores chunks but with the statistics of articles (their length, the
     * number of articles holding a word), plus {@link ArchiveIndex#TITLE_WEIGHT} times the same
     * score of the title among titles.
     */
    static Optional<Query> articleWeightedLexical(List<WeightedTerm> terms, String language, SearchFilter filter) {
        Map<String, Double> weights = wordWeights(terms, language);
        if (weights.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder anyTerm = new BooleanQuery.Builder();
        addWords(anyTerm, weights, ArchiveDocuments.articleTextField(language), 1);
        addWords(anyTerm, weights, ArchiveDocuments.titleTextField(language), ArchiveIndex.TITLE_WEIGHT);
        return Optional.of(new BooleanQuery.Builder()
                .add(anyTerm.build(), Occur.MUST)
                .add(within(filter, allArticles()), Occur.FILTER)
                .build());
    }

    private static Optional<Query> weighted(List<WeightedTerm> terms, String language, String field, Query scope) {
        Map<String, Double> weights = wordWeights(terms, language);
        if (weights.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder anyTerm = new BooleanQuery.Builder();
        addWords(anyTerm, weights, field, 1);
        return Optional.of(new BooleanQuery.Builder()
                .add(anyTerm.build(), Occur.MUST)
                .add(scope, Occur.FILTER)
                .build());
    }

    /** Each term's words in the language's analysis, a term's weight spread evenly over its words. */
    private static Map<String, Double> wordWeights(List<WeightedTerm> terms, String language) {
        String analysis = ArchiveDocuments.analysisLanguage(language);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (WeightedTerm term : terms) {
            Set<String> words = new LinkedHashSet<>(LanguageAnalyzers.terms(term.text(), analysis));
            words.forEach(word -> weights.merge(word, term.weight() / words.size(), Double::sum));
        }
        return weights;
    }

    /** The heaviest {@link #MAX_QUERY_TERMS} words as optional clauses on one field, each boosted by its weight × scale. */
    private static void addWords(
            BooleanQuery.Builder anyTerm, Map<String, Double> weights, String field, double scale) {
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MAX_QUERY_TERMS)
                .forEach(word -> anyTerm.add(
                        new BoostQuery(
                                new TermQuery(new Term(field, word.getKey())), (float) (word.getValue() * scale)),
                        Occur.SHOULD));
    }

    /** Chunks only, restricted by the filter; every clause filters without scoring. */
    static Query chunksWithin(SearchFilter filter) {
        return within(filter, allChunks());
    }

    /** Documents of one type (articles or chunks, which both carry the filter fields) restricted by the filter. */
    private static Query within(SearchFilter filter, Query type) {
        BooleanQuery.Builder chunks = new BooleanQuery.Builder().add(type, Occur.FILTER);
        if (!filter.languages().isEmpty()) {
            chunks.add(anyOf(LANGUAGE, filter.languages()), Occur.FILTER);
        }
        if (!filter.sources().isEmpty()) {
            chunks.add(anyOf(SOURCE, filter.sources()), Occur.FILTER);
        }
        if (filter.hasDateBounds()) {
            // Undated chunks have no point value, so any range excludes them, as the port requires.
            long from = filter.publishedFrom() == null
                    ? Long.MIN_VALUE
                    : filter.publishedFrom().toInstant().toEpochMilli();
            long toInclusive = filter.publishedTo() == null
                    ? Long.MAX_VALUE
                    : filter.publishedTo().toInstant().toEpochMilli() - 1;
            chunks.add(LongPoint.newRangeQuery(PUBLISHED_MILLIS, from, toInclusive), Occur.FILTER);
        }
        return chunks.build();
    }

    private static Query anyOf(String field, Set<String> values) {
        List<BytesRef> terms = values.stream().map(BytesRef::new).toList();
        return new TermInSetQuery(field, terms);
    }
}
