package io.newsqa.archive.lucene;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/**
 * The id of an article document found by a search, from its doc values rather than its stored
 * document: stored fields are compressed in blocks, and reading one article's id decompressed its
 * whole body (and its neighbours') for each of the article ranking's hits, the largest cost of an
 * Arabic search under load. Articles written before the doc values existed are read from the
 * stored id alone.
 */
final class ArticleIdValues {

    private static final Set<String> ID_FIELD = Set.of(ArchiveDocuments.ARTICLE_ID);

    private ArticleIdValues() {}

    /** @param doc an article document's id in {@code searcher}'s reader */
    static String of(IndexSearcher searcher, StoredFields stored, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues ids = leaf.reader().getSortedDocValues(ArchiveDocuments.ARTICLE_SORT_ID);
        if (ids != null && ids.advanceExact(doc - leaf.docBase)) {
            return ids.lookupOrd(ids.ordValue()).utf8ToString();
        }
        return ArchiveDocuments.articleIdOf(stored.document(doc, ID_FIELD));
    }
}
