package io.newsqa.archive.lucene;

import io.newsqa.archive.ArchiveWriter;
import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.StoredArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TopDocs;

/**
 * The embedded archive as ingestion writes it, through its one {@link IndexWriter}: each article
 * with its chunks one atomic block update, one commit per call, searches refreshed after it.
 */
final class LuceneWriter implements ArchiveWriter {

    private final IndexWriter writer;
    private final IndexSearchers searchers;
    private final ModelStamp model;

    LuceneWriter(IndexWriter writer, IndexSearchers searchers, ModelStamp model) {
        this.writer = writer;
        this.searchers = searchers;
        this.model = model;
    }

    @Override
    public void put(Article article, List<Chunk> chunks) {
        putAll(List.of(new StoredArticle(article, chunks)));
    }

    @Override
    public void putAll(List<StoredArticle> articles) {
        // Everything is checked before the index is touched: a bad chunk leaves the stored version.
        for (StoredArticle entry : articles) {
            checkChunks(entry.article(), entry.chunks());
        }
        if (articles.isEmpty()) {
            return;
        }
        try {
            Instant now = Instant.now();
            for (StoredArticle entry : articles) {
                Article article = entry.article();
                // One atomic update: the article's old documents go and the new ones come in together.
                writer.updateDocuments(
                        new Term(ArchiveDocuments.ARTICLE_ID, article.id()),
                        ArchiveDocuments.articleBlock(article, entry.chunks(), now));
            }
            // One commit for the group: every commit flushes a segment, and small segments are
            // merged again and again, rebuilding their HNSW graphs each time.
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + describeBatch(articles) + ": " + e.getMessage(), e);
        }
    }

    private void checkChunks(Article article, List<Chunk> chunks) {
        for (Chunk chunk : chunks) {
            if (!chunk.articleId().equals(article.id())) {
                throw new IllegalArgumentException("chunk " + chunk.ordinal() + " belongs to article "
                        + chunk.articleId() + ", not to " + article.id());
            }
            model.requireUsable(chunk.embedding(), "chunk " + chunk.ordinal() + " of article " + article.id());
        }
    }

    private static String describeBatch(List<StoredArticle> articles) {
        return articles.size() == 1 ? "article " + articles.get(0).article().id() : articles.size() + " articles";
    }

    @Override
    public boolean delete(String articleId) {
        boolean stored = searchers.withSearcher(searcher -> searcher.count(ArchiveQueries.articleById(articleId)) > 0);
        if (!stored) {
            return false;
        }
        try {
            writer.deleteDocuments(new Term(ArchiveDocuments.ARTICLE_ID, articleId));
            commit();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete article " + articleId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Lucene cannot change a stored field in place: each article's block is written again, the
     * article document with the new story and the original time of storing, its chunks with the
     * text and vectors read back from the index (the HNSW graph takes them in again; the model is
     * not asked).
     */
    @Override
    public int setStories(Map<String, String> storyByArticle) {
        int changed = searchers.withSearcher(searcher -> {
            int rewritten = 0;
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (Map.Entry<String, String> link : storyByArticle.entrySet()) {
                TopDocs found = searcher.search(ArchiveQueries.articleById(link.getKey()), 1);
                if (found.scoreDocs.length == 0) {
                    continue;
                }
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(found.scoreDocs[0].doc, leaves));
                LeafReader reader = leaf.reader();
                int doc = found.scoreDocs[0].doc - leaf.docBase;
                StoredFields stored = reader.storedFields();
                Document document = stored.document(doc);
                if (ArchiveDocuments.toArticle(document).storyId().equals(link.getValue())) {
                    continue;
                }
                StoredArticle block = ArticleBlocks.blockAt(
                                reader, stored, reader.getFloatVectorValues(ArchiveDocuments.VECTOR), doc, document)
                        .article();
                writer.updateDocuments(
                        new Term(ArchiveDocuments.ARTICLE_ID, link.getKey()),
                        ArchiveDocuments.articleBlock(
                                block.article().inStory(link.getValue()),
                                block.chunks(),
                                ArchiveDocuments.ingestedAtOf(document)));
                rewritten++;
            }
            return rewritten;
        });
        if (changed > 0) {
            try {
                commit();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "could not store the stories of " + changed + " articles: " + e.getMessage(), e);
            }
        }
        return changed;
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.refresh();
    }
}
