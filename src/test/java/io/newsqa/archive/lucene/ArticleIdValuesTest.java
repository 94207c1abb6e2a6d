package io.newsqa.archive.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class ArticleIdValuesTest {

    @Test
    void readsEachArticlesIdInEverySegmentAndFallsBackToTheStoredIdWithoutDocValues() throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
            config.setMergePolicy(NoMergePolicy.INSTANCE); // several segments: ids found past the first one's docs
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                writer.addDocument(article("first", true));
                writer.addDocument(article("second", true));
                writer.commit();
                writer.addDocument(article("older", false)); // as written before the doc values existed
                writer.addDocument(article("third", true));
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSize(2);
                IndexSearcher searcher = new IndexSearcher(reader);
                StoredFields stored = searcher.storedFields();
                List<String> ids = new ArrayList<>();
                for (ScoreDoc doc : searcher.search(new MatchAllDocsQuery(), 10).scoreDocs) {
                    ids.add(ArticleIdValues.of(searcher, stored, doc.doc));
                }
                assertThat(ids).containsExactly("first", "second", "older", "third");
            }
        }
    }

    private static Document article(String id, boolean withDocValues) {
        Document doc = new Document();
        doc.add(new StringField(ArchiveDocuments.ARTICLE_ID, id, Field.Store.YES));
        if (withDocValues) {
            doc.add(new SortedDocValuesField(ArchiveDocuments.ARTICLE_SORT_ID, new BytesRef(id)));
        }
        return doc;
    }
}
