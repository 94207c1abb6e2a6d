package io.newsqa.archive.lucene;

import io.newsqa.archive.ArchiveCatalog;
import io.newsqa.archive.ArchiveFacets;
import io.newsqa.archive.ArchiveInUseException;
import io.newsqa.archive.ArchiveIndex;
import io.newsqa.archive.ArchiveModel;
import io.newsqa.archive.ArchiveSearch;
import io.newsqa.archive.ArchiveStats;
import io.newsqa.archive.Article;
import io.newsqa.archive.ArticleHeader;
import io.newsqa.archive.ArticleHit;
import io.newsqa.archive.ArticleSummary;
import io.newsqa.archive.Chunk;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.RecordedStory;
import io.newsqa.archive.SearchFilter;
import io.newsqa.archive.StoredArticle;
import io.newsqa.archive.WeightedTerm;
import io.newsqa.text.LanguageAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded {@link ArchiveIndex}: a Lucene index in a local folder. See the package docs.
 *
 * <p>Thread-safe: any number of concurrent searches, with writes serialised by the one
 * {@link IndexWriter}. Searches see an article's old or new version, never a mix.
 */
public final class LuceneArchive implements ArchiveIndex {

    /**
     * Dense search asks HNSW for at least this many neighbours and keeps the best {@code limit}:
     * the approximate graph search finds the true nearest more reliably with a wider beam. The
     * same default as the PostgreSQL archive's {@code hnsw.ef_search}.
     */
    public static final int DEFAULT_EF_SEARCH = 100;

    /** Most recently stored first; articles from before ingestion times were recorded last; then by id. */
    private static final Sort NEWEST_FIRST = new Sort(
            new SortField(ArchiveDocuments.INGESTED_MILLIS, SortField.Type.LONG, true),
            new SortField(ArchiveDocuments.ARTICLE_SORT_ID, SortField.Type.STRING));

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ModelStamp model;
    private final int efSearch;
    /** Without bodies, a few hundred bytes each: all articles of a large archive. */
    private final HitArticles hitArticles = new HitArticles(50_000);

    private LuceneArchive(Directory directory, IndexWriter writer, ModelStamp model, int efSearch) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.model = model;
        this.efSearch = efSearch;
    }

    /** Opens the archive with the default HNSW candidate list, see {@link #open(Path, String, int, int)}. */
    public static LuceneArchive open(Path folder, String modelId, int dimension) {
        return open(folder, modelId, dimension, DEFAULT_EF_SEARCH);
    }

    /**
     * Opens the archive in {@code folder}, creating the folder and an empty index when missing.
     *
     * @throws IllegalStateException when the folder holds vectors of another embedding model or
     *                               dimension, another process has the archive open, or the folder
     *                               cannot be written
     * @throws IllegalArgumentException when efSearch is below 1
     */
    public static LuceneArchive open(Path folder, String modelId, int dimension, int efSearch) {
        ArchiveSearch.requireValidEfSearch(efSearch);
        ModelStamp configured = new ModelStamp(modelId, dimension);
        Directory directory = null;
        IndexWriter writer = null;
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            ModelStamp recorded = recordedModel(directory, folder);
            if (recorded != null) {
                recorded.requireSameAs(configured, folder);
            }
            writer = openWriter(directory, folder);
            // Restated on every open so that every later commit carries it.
            writer.setLiveCommitData(configured.toCommitData().entrySet());
            if (recorded == null) {
                writer.commit();
            }
            return new LuceneArchive(directory, writer, configured, efSearch);
        } catch (AccessDeniedException | FileAlreadyExistsException e) {
            closeQuietly(writer, directory);
            throw new IllegalStateException(
                    "The archive folder " + folder + " cannot be written (" + describe(e)
                            + "). Make it a writable folder, or choose another with NEWSQA_DATA_DIR.",
                    e);
        } catch (IOException e) {
            closeQuietly(writer, directory);
            throw new UncheckedIOException("The archive in " + folder + " cannot be opened: " + describe(e), e);
        } catch (RuntimeException e) {
            closeQuietly(writer, directory);
            throw e;
        }
    }

    /** The embedding model the archive in {@code folder} records; empty when the folder holds no archive. */
    public static Optional<ArchiveModel> recordedModel(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Directory directory = FSDirectory.open(folder)) {
            return Optional.ofNullable(recordedModel(directory, folder))
                    .map(stamp -> new ArchiveModel(stamp.modelId(), stamp.dimension()));
        } catch (IOException e) {
            throw new UncheckedIOException("The archive in " + folder + " cannot be read: " + describe(e), e);
        }
    }

    private static ModelStamp recordedModel(Directory directory, Path folder) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return null;
        }
        SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
        ModelStamp recorded = ModelStamp.fromCommitData(commit.getUserData());
        if (recorded == null && commit.totalMaxDoc() > 0) {
            throw new IllegalStateException(
                    "The folder " + folder + " holds a Lucene index that is not a NewsQA archive"
                            + " (it records no embedding model). Choose another folder with NEWSQA_DATA_DIR.");
        }
        return recorded;
    }

    private static IndexWriter openWriter(Directory directory, Path folder) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(ArchiveDocuments.indexAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        try {
            return new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            throw new ArchiveInUseException(folder, e);
        }
    }

    private static String describe(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() != null
                ? fs.getFile() + ": " + fs.getReason()
                : String.valueOf(e.getMessage());
    }

    private static void closeQuietly(IndexWriter writer, Directory directory) {
        try {
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException suppressed) {
            // Already reporting why the archive could not open; that is the error that matters.
        }
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
            writer.commit();
            searchers.maybeRefreshBlocking();
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
            checkVector(chunk.embedding(), "chunk " + chunk.ordinal() + " of article " + article.id());
        }
    }

    private static String describeBatch(List<StoredArticle> articles) {
        return articles.size() == 1 ? "article " + articles.get(0).article().id() : articles.size() + " articles";
    }

    /** Cosine similarity needs a finite vector of the archive's dimension with some length. */
    private void checkVector(float[] vector, String whose) {
        if (vector.length != model.dimension()) {
            throw new IllegalArgumentException(whose + " has a vector of dimension " + vector.length
                    + "; this archive stores dimension " + model.dimension() + " (model " + model.modelId() + ")");
        }
        boolean allZero = true;
        for (float value : vector) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException(whose + " has a vector with a non-finite value (" + value + ")");
            }
            allZero &= value == 0f;
        }
        if (allZero) {
            throw new IllegalArgumentException(whose + " has an all-zero vector, which has no cosine similarity");
        }
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
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(query, 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(
                    ArchiveDocuments.toArticle(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    @Override
    public boolean delete(String articleId) {
        if (findArticle(articleId).isEmpty()) {
            return false;
        }
        try {
            writer.deleteDocuments(new Term(ArchiveDocuments.ARTICLE_ID, articleId));
            writer.commit();
            searchers.maybeRefreshBlocking();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete article " + articleId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ChunkHit> denseSearch(float[] queryVector, int limit, SearchFilter filter) {
        return denseSearch(queryVector, limit, filter, efSearch);
    }

    @Override
    public List<ChunkHit> denseSearch(float[] queryVector, int limit, SearchFilter filter, int efSearch) {
        ArchiveSearch.requireValidEfSearch(efSearch);
        checkVector(queryVector, "the query");
        if (limit < 1) {
            return List.of();
        }
        return withSearcher(searcher -> {
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
        Optional<Query> query = ArchiveQueries.lexical(queryText, language, filter);
        if (query.isEmpty() || limit < 1) {
            return List.of();
        }
        return withSearcher(searcher ->
                hits(searcher, searcher.search(query.get(), cappedToIndexSize(limit, searcher)), score -> score));
    }

    @Override
    public List<ChunkHit> weightedLexicalSearch(
            List<WeightedTerm> terms, String language, int limit, SearchFilter filter) {
        Optional<Query> query = ArchiveQueries.weightedLexical(terms, language, filter);
        if (query.isEmpty() || limit < 1) {
            return List.of();
        }
        return withSearcher(searcher ->
                hits(searcher, searcher.search(query.get(), cappedToIndexSize(limit, searcher)), score -> score));
    }

    @Override
    public List<ArticleHit> articleLexicalSearch(
            List<WeightedTerm> terms, String language, int limit, SearchFilter filter) {
        Optional<Query> query = ArchiveQueries.articleWeightedLexical(terms, language, filter);
        if (query.isEmpty() || limit < 1) {
            return List.of();
        }
        return withSearcher(searcher -> {
            StoredFields stored = searcher.storedFields();
            List<ArticleHit> hits = new ArrayList<>();
            for (ScoreDoc doc : searcher.search(query.get(), cappedToIndexSize(limit, searcher)).scoreDocs) {
                hits.add(new ArticleHit(ArchiveDocuments.articleIdOf(stored.document(doc.doc)), doc.score));
            }
            return hits;
        });
    }

    @Override
    public Map<String, String> bodies(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return withSearcher(searcher -> {
            StoredFields stored = searcher.storedFields();
            Map<String, String> bodies = new HashMap<>();
            for (ScoreDoc doc : searcher.search(ArchiveQueries.articlesById(articleIds), articleIds.size()).scoreDocs) {
                Document article = stored.document(doc.doc, ArchiveDocuments.BODY_FIELDS);
                bodies.put(ArchiveDocuments.articleIdOf(article), ArchiveDocuments.bodyOf(article));
            }
            return bodies;
        });
    }

    @Override
    public Map<String, Integer> vocabulary(String language) {
        Query chunks = ArchiveQueries.chunksWithin(new SearchFilter(null, null, Set.of(), Set.of(language)));
        return withSearcher(searcher -> {
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

    /** Lucene sizes its result queue by the limit; no search can return more than the index holds. */
    private static int cappedToIndexSize(int limit, IndexSearcher searcher) {
        return Math.max(1, Math.min(limit, searcher.getIndexReader().maxDoc()));
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

    @Override
    public ArchiveStats stats() {
        return withSearcher(searcher -> new ArchiveStats(
                searcher.count(ArchiveQueries.allArticles()), searcher.count(ArchiveQueries.allChunks())));
    }

    /**
     * The largest date in the articles' date points, confirmed on a live article: points keep the
     * values of deleted documents until their segment merges, so when the largest belongs only to
     * deleted ones every article's date is read instead.
     */
    @Override
    public Optional<OffsetDateTime> newestPublication() {
        Optional<OffsetDateTime> newest = withSearcher(searcher -> {
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
                    ? null
                    : Optional.ofNullable(
                            ArchiveDocuments.toArticle(searcher.storedFields().document(found.scoreDocs[0].doc))
                                    .publishedAt());
        });
        return newest != null ? newest : ArchiveIndex.super.newestPublication();
    }

    @Override
    public List<ArticleSummary> listArticles(int offset, int limit) {
        ArchiveCatalog.requireValidPage(offset, limit);
        if (limit == 0) {
            return List.of();
        }
        return withSearcher(searcher -> {
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
        withSearcher(searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                forEachArticleIn(leaf.reader(), action);
            }
            return null;
        });
    }

    /**
     * One pass over a segment in document order. {@link #put} adds an article and its chunks as
     * one block of documents, the article first, and Lucene keeps a block together and in order
     * (through merges too), so an article's chunks are the chunk documents that follow it.
     */
    private static void forEachArticleIn(LeafReader reader, Consumer<StoredArticle> action) throws IOException {
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

    /** An article with its chunks, and the document after its block. */
    private record Block(StoredArticle article, int end) {}

    /**
     * The block of documents starting at {@code articleDoc} of a segment (see
     * {@link #forEachArticleIn}): the article and the chunk documents after it, with their vectors.
     *
     * @param vectors the segment's vectors, not yet advanced past {@code articleDoc}
     */
    private static Block blockAt(
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
        return new Block(inOrdinalOrder(current, chunks), doc);
    }

    private static IllegalStateException damaged(String articleId) {
        return new IllegalStateException("The archive index is damaged: a chunk of article " + articleId
                + " is not stored with its article and vector. Rebuild it by ingesting the sources again.");
    }

    private static StoredArticle inOrdinalOrder(Article article, List<Chunk> chunks) {
        chunks.sort(Comparator.comparingInt(Chunk::ordinal));
        return new StoredArticle(article, chunks);
    }

    @Override
    public List<RecordedStory> recordedStories() {
        return withSearcher(searcher -> {
            List<RecordedStory> stories = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc doc : searcher.search(
                            ArchiveQueries.allArticles(),
                            Math.max(1, searcher.getIndexReader().maxDoc()))
                    .scoreDocs) {
                stories.add(ArchiveDocuments.recordedStoryOf(
                        stored.document(doc.doc, ArchiveDocuments.RECORDED_STORY_FIELDS)));
            }
            return stories;
        });
    }

    /**
     * Lucene cannot change a stored field in place: each article's block is written again, the
     * article document with the new story and the original time of storing, its chunks with the
     * text and vectors read back from the index (the HNSW graph takes them in again; the model is
     * not asked).
     */
    @Override
    public int setStories(Map<String, String> storyByArticle) {
        int changed = withSearcher(searcher -> {
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
                StoredArticle block = blockAt(
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
                writer.commit();
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "could not store the stories of " + changed + " articles: " + e.getMessage(), e);
            }
        }
        return changed;
    }

    @Override
    public ArchiveFacets facets() {
        return withSearcher(searcher -> new ArchiveFacets(
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

    @Override
    public int dimension() {
        return model.dimension();
    }

    /** The embedding model whose vectors this archive holds. */
    public String modelId() {
        return model.modelId();
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
