package io.newsqa.archive.lucene;

import io.newsqa.archive.ArchiveCatalog;
import io.newsqa.archive.ArchiveFacets;
import io.newsqa.archive.ArchiveStats;
import io.newsqa.archive.Article;
import io.newsqa.archive.ArticleSummary;
import io.newsqa.archive.RecordedStory;
import io.newsqa.archive.StoredArticle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/** The embedded archive as administration and copying read it: lookups, pages, counts, a full scan. */
final class LuceneCatalog implements ArchiveCatalog {

    /** Most recently stored first; articles from before ingestion times were recorded last; then by id. */
    private static final Sort NEWEST_FIRST = new Sort(
            new SortField(ArchiveDocuments.INGESTED_MILLIS, SortField.Type.LONG, true),
            new SortField(ArchiveDocuments.ARTICLE_SORT_ID, SortField.Type.STRING));

    private final IndexSearchers searchers;

    LuceneCatalog(IndexSearchers searchers) {
        this.searchers = searchers;
    }

    @Override
    public Optional<Article> findArticle(String id) {
        return findOneArticle(ArchiveQueries.articleById(id));
    }

    @Override
    public Optional<Article> findByContentHash(String contentHash) {
        return findOneArticle(ArchiveQueries.articleByContentHash(contentHash));
    }

    private Optional<Article> findOneArticle(Query query) {
        return searchers.withSearcher(searcher -> {
            TopDocs top = searcher.search(query, 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(
                    ArchiveDocuments.toArticle(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    @Override
    public ArchiveStats stats() {
        return searchers.withSearcher(searcher -> new ArchiveStats(
                searcher.count(ArchiveQueries.allArticles()), searcher.count(ArchiveQueries.allChunks())));
    }

    @Override
    public List<ArticleSummary> listArticles(int offset, int limit) {
        ArchiveCatalog.requireValidPage(offset, limit);
        if (limit == 0) {
            return List.of();
        }
        return searchers.withSearcher(searcher -> {
            int wanted = (int) Math.min(
                    (long) offset + limit, Math.max(1, searcher.getIndexReader().maxDoc()));
            TopDocs top = searcher.search(ArchiveQueries.allArticles(), wanted, NEWEST_FIRST);
            StoredFields stored = searcher.storedFields();
            List<ArticleSummary> page = new ArrayList<>();
            for (int i = offset; i < top.scoreDocs.length; i++) {
                Document doc = stored.document(top.scoreDocs[i].doc);
                page.add(ArticleSummary.of(ArchiveDocuments.toArticle(doc), ArchiveDocuments.ingestedAtOf(doc)));
            }
            return page;
        });
    }

    @Override
    public void forEachArticle(Consumer<StoredArticle> action) {
        searchers.withSearcher(searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                ArticleBlocks.forEachArticleIn(leaf.reader(), action);
            }
            return null;
        });
    }

    @Override
    public List<RecordedStory> recordedStories() {
        return searchers.withSearcher(LuceneCatalog::recordedStories);
    }

    /** Every live article's story and date, read without bodies. */
    static List<RecordedStory> recordedStories(IndexSearcher searcher) throws IOException {
        List<RecordedStory> stories = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc doc : searcher.search(
                        ArchiveQueries.allArticles(),
                        Math.max(1, searcher.getIndexReader().maxDoc()))
                .scoreDocs) {
            stories.add(
                    ArchiveDocuments.recordedStoryOf(stored.document(doc.doc, ArchiveDocuments.RECORDED_STORY_FIELDS)));
        }
        return stories;
    }

    @Override
    public ArchiveFacets facets() {
        return searchers.withSearcher(searcher -> new ArchiveFacets(
                articleCounts(searcher, ArchiveDocuments.LANGUAGE), articleCounts(searcher, ArchiveDocuments.SOURCE)));
    }

    /**
     * Articles per value of a keyword field. Chunks carry the same terms, and deleted documents
     * may still have theirs, so each value is counted with a query on live articles.
     */
    private static Map<String, Long> articleCounts(IndexSearcher searcher, String field) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
        if (terms == null) {
            return counts;
        }
        TermsEnum values = terms.iterator();
        for (BytesRef value = values.next(); value != null; value = values.next()) {
            String text = value.utf8ToString();
            long count = searcher.count(ArchiveQueries.articlesWith(field, text));
            if (count > 0) {
                counts.put(text, count);
            }
        }
        return counts;
    }
}
