package io.newsqa.archive.lucene;

import static io.newsqa.archive.lucene.IndexSearchers.cappedToIndexSize;

import io.newsqa.archive.ArchiveSearch;
import io.newsqa.archive.ArticleHeader;
import io.newsqa.archive.ArticleHit;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.RecordedStory;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.WeightedTerm;
import io.newsqa.text.LanguageAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * The embedded archive as a question searches it: HNSW over the chunk vectors, BM25 over the
 * chunks' and articles' analysed text ({@link ArchiveQueries}), hits with their articles' headers
 * ({@link PerReaderCache}).
 */
final class LuceneSearch implements ArchiveSearch {

    private final IndexSearchers searchers;
    private final ModelStamp model;
    private final int efSearch;
    /** Without bodies, a few hundred bytes each: all articles of a large archive. */
    private final PerReaderCache<ArticleHeader> hitArticles = new PerReaderCache<>(50_000);
    /**
     * The bodies answers quote (six per question), a few kilobytes each: the articles asked about
     * most, since news questions crowd on the same stories.
     */
    private final PerReaderCache<String> bodies = new PerReaderCache<>(2_000);

    LuceneSearch(IndexSearchers searchers, ModelStamp model, int efSearch) {
        this.searchers = searchers;
        this.model = model;
        this.efSearch = efSearch;
    }

    @Override
    public List<ChunkHit> denseSearch(float[] queryVector, int limit, SearchFilter filter) {
        return denseSearch(queryVector, limit, filter, efSearch);
    }

    @Override
    public List<ChunkHit> denseSearch(float[] queryVector, int limit, SearchFilter filter, int efSearch) {
        ArchiveSearch.requireValidEfSearch(efSearch);
        model.requireUsable(queryVector, "the query");
        if (limit < 1) {
            return List.of();
        }
        return searchers.withSearcher(searcher -> {
            int wanted = cappedToIndexSize(limit, searcher);
            // The filter is applied during the graph search, so a filtered search still finds `limit` chunks.
            Query query = new KnnFloatVectorQuery(
                    ArchiveDocuments.VECTOR,
                    queryVector,
                    Math.max(wanted, efSearch),
                    ArchiveQueries.chunksWithin(filter));
            // Lucene scores cosine as (1 + cos) / 2; the port promises the cosine itself.
            return hits(searcher, searcher.search(query, wanted), score -> Math.max(-1, Math.min(1, 2 * score - 1)));
        });
    }

    @Override
    public List<ChunkHit> lexicalSearch(String queryText, String language, int limit, SearchFilter filter) {
        return chunkHits(ArchiveQueries.lexical(queryText, language, filter), limit);
    }

    @Override
    public List<ChunkHit> weightedLexicalSearch(
            List<WeightedTerm> terms, String language, int limit, SearchFilter filter) {
        return chunkHits(ArchiveQueries.weightedLexical(terms, language, filter), limit);
    }

    private List<ChunkHit> chunkHits(Optional<Query> query, int limit) {
        if (query.isEmpty() || limit < 1) {
            return List.of();
        }
        return searchers.withSearcher(searcher ->
                hits(searcher, searcher.search(query.get(), cappedToIndexSize(limit, searcher)), score -> score));
    }

    @Override
    public List<ArticleHit> articleLexicalSearch(
            List<WeightedTerm> terms, String language, int limit, SearchFilter filter) {
        Optional<Query> query = ArchiveQueries.articleWeightedLexical(terms, language, filter);
        if (query.isEmpty() || limit < 1) {
            return List.of();
        }
        return searchers.withSearcher(searcher -> {
            StoredFields stored = searcher.storedFields();
            List<ArticleHit> hits = new ArrayList<>();
            for (ScoreDoc doc : searcher.search(query.get(), cappedToIndexSize(limit, searcher)).scoreDocs) {
                hits.add(new ArticleHit(ArticleIdValues.of(searcher, stored, doc.doc), doc.score));
            }
            return hits;
        });
    }

    @Override
    public Map<String, String> bodies(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return searchers.withSearcher(searcher -> {
            Map<String, String> kept = bodies.values(searcher);
            Map<String, String> found = new HashMap<>();
            List<String> unread = new ArrayList<>();
            for (String id : articleIds) {
                String body = kept == null ? null : kept.get(id);
                if (body == null) {
                    unread.add(id);
                } else {
                    found.put(id, body);
                }
            }
            if (unread.isEmpty()) {
                return found;
            }
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc doc : searcher.search(ArchiveQueries.articlesById(unread), unread.size()).scoreDocs) {
                Document article = stored.document(doc.doc, ArchiveDocuments.BODY_FIELDS);
                String id = ArchiveDocuments.articleIdOf(article);
                String body = ArchiveDocuments.bodyOf(article);
                found.put(id, body);
                if (kept != null) {
                    bodies.keep(kept, id, body);
                }
            }
            return found;
        });
    }

    @Override
    public Map<String, Integer> vocabulary(String language) {
        Query chunks = ArchiveQueries.chunksWithin(new SearchFilter(null, null, Set.of(), Set.of(language)));
        return searchers.withSearcher(searcher -> {
            Map<String, Integer> counts = new HashMap<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc doc : searcher.search(
                            chunks, Math.max(1, searcher.getIndexReader().maxDoc()))
                    .scoreDocs) {
                String text = ArchiveDocuments.textOf(stored.document(doc.doc));
                new HashSet<>(LanguageAnalyzers.words(text)).forEach(word -> counts.merge(word, 1, Integer::sum));
            }
            return counts;
        });
    }

    private List<ChunkHit> hits(IndexSearcher searcher, TopDocs top, DoubleUnaryOperator toPortScore)
            throws IOException {
        StoredFields stored = searcher.storedFields();
        Map<String, ArticleHeader> articles = new HashMap<>();
        List<ChunkHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            Document chunk = stored.document(scoreDoc.doc);
            ArticleHeader article = articles.computeIfAbsent(
                    ArchiveDocuments.articleIdOf(chunk),
                    id -> hitArticles.get(searcher, id, unread -> articleSeenBy(searcher, stored, unread)));
            hits.add(new ChunkHit(
                    article,
                    ArchiveDocuments.ordinalOf(chunk),
                    ArchiveDocuments.textOf(chunk),
                    toPortScore.applyAsDouble(scoreDoc.score)));
        }
        return hits;
    }

    /** The article of a chunk, from the same point-in-time view, so always present. */
    private static ArticleHeader articleSeenBy(IndexSearcher searcher, StoredFields stored, String articleId) {
        try {
            TopDocs top = searcher.search(ArchiveQueries.articleById(articleId), 1);
            return ArchiveDocuments.toHeader(stored.document(top.scoreDocs[0].doc, ArchiveDocuments.HEADER_FIELDS));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read article " + articleId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The largest date in the articles' date points, confirmed on a live article: points keep the
     * values of deleted documents until their segment merges, so when the largest belongs only to
     * deleted ones every article's date is read instead.
     */
    @Override
    public Optional<OffsetDateTime> newestPublication() {
        return searchers.withSearcher(searcher -> {
            long max = Long.MIN_VALUE;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                PointValues points = leaf.reader().getPointValues(ArchiveDocuments.PUBLISHED_MILLIS);
                if (points != null && points.size() > 0) {
                    max = Math.max(max, LongPoint.decodeDimension(points.getMaxPackedValue(), 0));
                }
            }
            if (max == Long.MIN_VALUE) {
                return Optional.<OffsetDateTime>empty();
            }
            TopDocs found = searcher.search(
                    new BooleanQuery.Builder()
                            .add(ArchiveQueries.allArticles(), Occur.FILTER)
                            .add(LongPoint.newExactQuery(ArchiveDocuments.PUBLISHED_MILLIS, max), Occur.FILTER)
                            .build(),
                    1);
            return found.scoreDocs.length == 0
                    ? RecordedStory.newest(LuceneCatalog.recordedStories(searcher))
                    : Optional.ofNullable(
                            ArchiveDocuments.toArticle(searcher.storedFields().document(found.scoreDocs[0].doc))
                                    .publishedAt());
        });
    }

    @Override
    public int dimension() {
        return model.dimension();
    }
}
