package io.newsqa.archive.lucene;

import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.StoredArticle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/**
 * Articles read back whole from a segment, with their chunks and vectors. An article and its
 * chunks are written as one block of documents, the article first ({@link ArchiveDocuments#articleBlock}),
 * and Lucene keeps a block together and in order (through merges too), so an article's chunks are
 * the chunk documents that follow it.
 */
final class ArticleBlocks {

    /** An article with its chunks, and the document after its block. */
    record Block(StoredArticle article, int end) {}

    private ArticleBlocks() {}

    /** One pass over a segment in document order. */
    static void forEachArticleIn(LeafReader reader, Consumer<StoredArticle> action) throws IOException {
        Bits live = reader.getLiveDocs();
        StoredFields stored = reader.storedFields();
        FloatVectorValues vectors = reader.getFloatVectorValues(ArchiveDocuments.VECTOR);
        int doc = 0;
        while (doc < reader.maxDoc()) {
            if (live != null && !live.get(doc)) {
                doc++;
                continue;
            }
            Block block = blockAt(reader, stored, vectors, doc, stored.document(doc));
            action.accept(block.article());
            doc = block.end();
        }
    }

    /**
     * The block of documents starting at {@code articleDoc} of a segment: the article and the
     * chunk documents after it, with their vectors.
     *
     * @param vectors the segment's vectors, not yet advanced past {@code articleDoc}
     */
    static Block blockAt(
            LeafReader reader, StoredFields stored, FloatVectorValues vectors, int articleDoc, Document article)
            throws IOException {
        if (ArchiveDocuments.isChunk(article)) {
            throw damaged(ArchiveDocuments.articleIdOf(article));
        }
        Article current = ArchiveDocuments.toArticle(article);
        Bits live = reader.getLiveDocs();
        List<Chunk> chunks = new ArrayList<>();
        int doc = articleDoc + 1;
        for (; doc < reader.maxDoc() && (live == null || live.get(doc)); doc++) {
            Document document = stored.document(doc);
            if (!ArchiveDocuments.isChunk(document)) {
                break;
            }
            String articleId = ArchiveDocuments.articleIdOf(document);
            if (!current.id().equals(articleId) || vectors == null || vectors.advance(doc) != doc) {
                throw damaged(articleId);
            }
            // The values object reuses its array between documents.
            chunks.add(new Chunk(
                    articleId,
                    ArchiveDocuments.ordinalOf(document),
                    ArchiveDocuments.textOf(document),
                    vectors.vectorValue().clone()));
        }
        chunks.sort(Comparator.comparingInt(Chunk::ordinal));
        return new Block(new StoredArticle(current, chunks), doc);
    }

    private static IllegalStateException damaged(String articleId) {
        return new IllegalStateException("The archive index is damaged: a chunk of article " + articleId
                + " is not stored with its article and vector. Rebuild it by ingesting the sources again.");
    }
}
