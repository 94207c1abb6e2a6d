package io.newsqa.archive.lucene;

import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveStats;
import io.newsqa.archive.Article;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.text.LanguageAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/** The embedded {@link ArchiveIndex}: a Lucene index in a local folder. See the package docs. */
public final class LuceneArchive implements ArchiveIndex {

    private static final String TYPE = "type";
    private static final String TYPE_ARTICLE = "article";
    private static final String TYPE_CHUNK = "chunk";
    private static final String ARTICLE_ID = "article_id";
    private static final String ORDINAL = "ordinal";
    private static final String TEXT = "text";
    private static final String VECTOR = "vector";
    private static final String LANGUAGE = "language";
    private static final String SOURCE = "source";
    /** Indexed on chunks for date filters. */
    private static final String PUBLISHED = "published";
    /** Stored on articles to give the time back. (Lucene wants one schema per field name.) */
    private static final String PUBLISHED_MILLIS = "published_millis";
    private static final String PUBLISHED_OFFSET = "published_offset";
    private static final String URL = "url";
    private static final String TITLE = "title";
    private static final String CONTENT_HASH = "content_hash";
    private static final String BODY = "body";
    private static final String MODEL_KEY = "newsqa.embedding-model";
    private static final String DIMENSION_KEY = "newsqa.embedding-dimension";

    /** Each language's text is indexed in a field analysed for that language. */
    private static final Map<String, String> TEXT_FIELDS = Map.of("ar", "text_ar", "en", "text_en");
    private static final String TEXT_OTHER = "text_other";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final String modelId;
    private final int dimension;

    private LuceneArchive(Directory directory, IndexWriter writer, String modelId, int dimension) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.modelId = modelId;
        this.dimension = dimension;
    }

    /**
     * Opens the archive in {@code folder}, creating it when missing.
     *
     * @throws IllegalStateException when the folder holds vectors of another embedding model, or
     *                               another process has the archive open
     */
    public static LuceneArchive open(Path folder, String modelId, int dimension) {
        try {
            Files.createDirectories(folder);
            Directory directory = FSDirectory.open(folder);
            Map<String, String> recorded = recordedModel(directory);
            if (recorded != null) {
                checkSameModel(folder, recorded, modelId, dimension);
            }
            IndexWriterConfig config = new IndexWriterConfig(analyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            IndexWriter writer;
            try {
                writer = new IndexWriter(directory, config);
            } catch (LockObtainFailedException e) {
                directory.close();
                throw new IllegalStateException("The archive in " + folder + " is in use by another NewsQA process."
                        + " Stop it, or add articles through that process (POST /api/articles).", e);
            }
            if (recorded == null) {
                writer.setLiveCommitData(Map.of(MODEL_KEY, modelId, DIMENSION_KEY, Integer.toString(dimension)).entrySet());
                writer.commit();
            }
            return new LuceneArchive(directory, writer, modelId, dimension);
        } catch (AccessDeniedException e) {
            throw new IllegalStateException("The archive folder " + folder + " is not writable (" + e.getMessage()
                    + "). Choose another with NEWSQA_DATA_DIR.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The archive in " + folder + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> recordedModel(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return null;
        }
        return SegmentInfos.readLatestCommit(directory).getUserData();
    }

    private static void checkSameModel(Path folder, Map<String, String> recorded, String modelId, int dimension) {
        String recordedModel = recorded.get(MODEL_KEY);
        String recordedDimension = recorded.get(DIMENSION_KEY);
        if (!modelId.equals(recordedModel) || !Integer.toString(dimension).equals(recordedDimension)) {
            throw new IllegalStateException("The archive in " + folder + " holds vectors of embedding model "
                    + recordedModel + " (" + recordedDimension + " dimensions), but " + modelId + " (" + dimension
                    + " dimensions) is configured. Vectors of different models cannot be compared: configure "
                    + recordedModel + " again, or use another data folder and ingest the articles anew.");
        }
    }

    private static Analyzer analyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        TEXT_FIELDS.forEach((language, field) -> perField.put(field, LanguageAnalyzers.forLanguage(language)));
        return new PerFieldAnalyzerWrapper(LanguageAnalyzers.forLanguage("other"), perField);
    }

    private static String textField(String language) {
        return TEXT_FIELDS.getOrDefault(language, TEXT_OTHER);
    }

    @Override
    public void put(Article article, List<Chunk> chunks) {
        for (Chunk chunk : chunks) {
            if (!chunk.articleId().equals(article.id())) {
                throw new IllegalArgumentException("chunk " + chunk.ordinal() + " belongs to article " + chunk.articleId()
                        + ", not to " + article.id());
            }
            if (chunk.embedding().length != dimension) {
                throw new IllegalArgumentException("chunk " + chunk.ordinal() + " has a vector of dimension "
                        + chunk.embedding().length + "; this archive stores dimension " + dimension);
            }
        }
        List<Document> documents = new ArrayList<>(chunks.size() + 1);
        documents.add(articleDocument(article));
        for (Chunk chunk : chunks) {
            documents.add(chunkDocument(article, chunk));
        }
        try {
            // One atomic update: the article's old documents go and the new ones come in one commit.
            writer.updateDocuments(new Term(ARTICLE_ID, article.id()), documents);
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("could not store article " + article.id() + ": " + e.getMessage(), e);
        }
    }

    private static Document articleDocument(Article article) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, TYPE_ARTICLE, Field.Store.NO));
        doc.add(new StringField(ARTICLE_ID, article.id(), Field.Store.YES));
        doc.add(new StringField(CONTENT_HASH, article.contentHash(), Field.Store.YES));
        doc.add(new StoredField(TITLE, article.title()));
        doc.add(new StringField(LANGUAGE, article.language(), Field.Store.YES));
        doc.add(new StoredField(BODY, article.body()));
        if (article.url() != null) {
            doc.add(new StoredField(URL, article.url()));
        }
        if (article.source() != null) {
            doc.add(new StringField(SOURCE, article.source(), Field.Store.YES));
        }
        if (article.publishedAt() != null) {
            doc.add(new StoredField(PUBLISHED_MILLIS, article.publishedAt().toInstant().toEpochMilli()));
            doc.add(new StoredField(PUBLISHED_OFFSET, article.publishedAt().getOffset().getId()));
        }
        return doc;
    }

    private static Document chunkDocument(Article article, Chunk chunk) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, TYPE_CHUNK, Field.Store.NO));
        doc.add(new StringField(ARTICLE_ID, article.id(), Field.Store.YES));
        doc.add(new StoredField(ORDINAL, chunk.ordinal()));
        doc.add(new StoredField(TEXT, chunk.text()));
        doc.add(new TextField(textField(article.language()), chunk.text(), Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, chunk.embedding(), VectorSimilarityFunction.COSINE));
        doc.add(new StringField(LANGUAGE, article.language(), Field.Store.YES));
        if (article.source() != null) {
            doc.add(new StringField(SOURCE, article.source(), Field.Store.YES));
        }
        if (article.publishedAt() != null) {
            doc.add(new LongPoint(PUBLISHED, article.publishedAt().toInstant().toEpochMilli()));
        }
        return doc;
    }

    @Override
    public Optional<Article> findArticle(String id) {
        return findOneArticle(new TermQuery(new Term(ARTICLE_ID, id)));
    }

    @Override
    public Optional<Article> findByContentHash(String contentHash) {
        return findOneArticle(new TermQuery(new Term(CONTENT_HASH, contentHash)));
    }

    private Optional<Article> findOneArticle(Query query) {
        return withSearcher(searcher -> {
            Query articles = new BooleanQuery.Builder()
                    .add(query, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(TYPE, TYPE_ARTICLE)), BooleanClause.Occur.FILTER)
                    .build();
            TopDocs top = searcher.search(articles, 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(toArticle(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    private static Article toArticle(Document doc) {
        OffsetDateTime published = null;
        if (doc.getField(PUBLISHED_MILLIS) != null) {
            ZoneOffset offset = ZoneOffset.of(doc.get(PUBLISHED_OFFSET));
            published = Instant.ofEpochMilli(doc.getField(PUBLISHED_MILLIS).numericValue().longValue()).atOffset(offset);
        }
        return new Article(doc.get(ARTICLE_ID), doc.get(URL), doc.get(TITLE), doc.get(SOURCE), published,
                doc.get(LANGUAGE), doc.get(CONTENT_HASH), doc.get(BODY));
    }

    @Override
    public boolean delete(String articleId) {
        if (findArticle(articleId).isEmpty()) {
            return false;
        }
        try {
            writer.deleteDocuments(new Term(ARTICLE_ID, articleId));
            writer.commit();
            searchers.maybeRefreshBlocking();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete article " + articleId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ChunkHit> denseSearch(float[] queryVector, int limit, SearchFilter filter) {
        if (queryVector.length != dimension) {
            throw new IllegalArgumentException("query vector has dimension " + queryVector.length + ", archive " + dimension);
        }
        return withSearcher(searcher -> {
            Query query = new KnnFloatVectorQuery(VECTOR, queryVector, limit, chunkFilter(filter));
            // Lucene scores cosine as (1 + cos) / 2; the port promises the cosine itself.
            return hits(searcher, searcher.search(query, limit), score -> 2 * score - 1);
        });
    }

    @Override
    public List<ChunkHit> lexicalSearch(String queryText, String language, int limit, SearchFilter filter) {
        Set<String> terms = new LinkedHashSet<>(LanguageAnalyzers.terms(queryText, language));
        if (terms.isEmpty()) {
            return List.of();
        }
        String field = textField(language);
        BooleanQuery.Builder anyTerm = new BooleanQuery.Builder();
        for (String term : terms) {
            anyTerm.add(new TermQuery(new Term(field, term)), BooleanClause.Occur.SHOULD);
        }
        Query query = new BooleanQuery.Builder()
                .add(anyTerm.build(), BooleanClause.Occur.MUST)
                .add(chunkFilter(filter), BooleanClause.Occur.FILTER)
                .build();
        return withSearcher(searcher -> hits(searcher, searcher.search(query, limit), score -> score));
    }

    /** Chunks only, restricted by the filter; every clause is a non-scoring filter. */
    private static Query chunkFilter(SearchFilter filter) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TYPE, TYPE_CHUNK)), BooleanClause.Occur.FILTER);
        if (!filter.languages().isEmpty()) {
            builder.add(termSet(LANGUAGE, filter.languages()), BooleanClause.Occur.FILTER);
        }
        if (!filter.sources().isEmpty()) {
            builder.add(termSet(SOURCE, filter.sources()), BooleanClause.Occur.FILTER);
        }
        if (filter.hasDateBounds()) {
            long from = filter.publishedFrom() == null ? Long.MIN_VALUE : filter.publishedFrom().toInstant().toEpochMilli();
            long to = filter.publishedTo() == null ? Long.MAX_VALUE : filter.publishedTo().toInstant().toEpochMilli() - 1;
            builder.add(LongPoint.newRangeQuery(PUBLISHED, from, to), BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    private static Query termSet(String field, Set<String> values) {
        List<BytesRef> terms = values.stream().map(BytesRef::new).toList();
        return new TermInSetQuery(field, terms);
    }

    private interface ScoreConversion {
        double apply(float score);
    }

    private List<ChunkHit> hits(IndexSearcher searcher, TopDocs top, ScoreConversion conversion) throws IOException {
        StoredFields stored = searcher.storedFields();
        Map<String, Article> articles = new HashMap<>();
        List<ChunkHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            Document doc = stored.document(scoreDoc.doc);
            String articleId = doc.get(ARTICLE_ID);
            Article article = articles.get(articleId);
            if (article == null) {
                TopDocs articleDoc = searcher.search(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(ARTICLE_ID, articleId)), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(TYPE, TYPE_ARTICLE)), BooleanClause.Occur.FILTER)
                        .build(), 1);
                article = toArticle(stored.document(articleDoc.scoreDocs[0].doc));
                articles.put(articleId, article);
            }
            hits.add(new ChunkHit(article, doc.getField(ORDINAL).numericValue().intValue(), doc.get(TEXT),
                    conversion.apply(scoreDoc.score)));
        }
        return hits;
    }

    @Override
    public ArchiveStats stats() {
        return withSearcher(searcher -> new ArchiveStats(
                searcher.count(new TermQuery(new Term(TYPE, TYPE_ARTICLE))),
                searcher.count(new TermQuery(new Term(TYPE, TYPE_CHUNK)))));
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The embedding model whose vectors this archive holds. */
    public String modelId() {
        return modelId;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the archive cleanly: " + e.getMessage(), e);
        }
    }

    private interface SearchAction<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearchAction<T> action) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return action.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("archive search failed: " + e.getMessage(), e);
        }
    }
}
