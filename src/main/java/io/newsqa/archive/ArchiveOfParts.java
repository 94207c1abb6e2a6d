package io.newsqa.archive;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An archive served by one part per port: every operation goes to the {@link ArchiveWriter},
 * {@link ArchiveSearch} or {@link ArchiveCatalog} that does it, so that a backend class only
 * opens and closes its store.
 */
public abstract class ArchiveOfParts implements ArchiveIndex {

    private final ArchiveWriter writer;
    private final ArchiveSearch search;
    private final ArchiveCatalog catalog;

    protected ArchiveOfParts(ArchiveWriter writer, ArchiveSearch search, ArchiveCatalog catalog) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.search = Objects.requireNonNull(search, "search");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public void put(Article article, List<Chunk> chunks) {
        writer.put(article, chunks);
    }

    @Override
    public void putAll(List<StoredArticle> articles) {
        writer.putAll(articles);
    }

    @Override
    public boolean delete(String articleId) {
        return writer.delete(articleId);
    }

    @Override
    public int setStories(Map<String, String> storyByArticle) {
        return writer.setStories(storyByArticle);
    }

    @Override
    public ArchiveLoad startLoad() {
        return writer.startLoad();
    }

    @Override
    public List<ChunkHit> denseSearch(float[] queryVector, int limit, SearchFilter filter) {
        return search.denseSearch(queryVector, limit, filter);
    }

    @Override
    public List<ChunkHit> denseSearch(float[] queryVector, int limit, SearchFilter filter, int efSearch) {
        return search.denseSearch(queryVector, limit, filter, efSearch);
    }

    @Override
    public List<ChunkHit> lexicalSearch(String queryText, String language, int limit, SearchFilter filter) {
        return search.lexicalSearch(queryText, language, limit, filter);
    }

    @Override
    public List<ChunkHit> weightedLexicalSearch(
            List<WeightedTerm> terms, String language, int limit, SearchFilter filter) {
        return search.weightedLexicalSearch(terms, language, limit, filter);
    }

    @Override
    public List<ArticleHit> articleLexicalSearch(
            List<WeightedTerm> terms, String language, int limit, SearchFilter filter) {
        return search.articleLexicalSearch(terms, language, limit, filter);
    }

    @Override
    public Map<String, String> bodies(Collection<String> articleIds) {
        return search.bodies(articleIds);
    }

    @Override
    public Map<String, Integer> vocabulary(String language) {
        return search.vocabulary(language);
    }

    @Override
    public Optional<OffsetDateTime> newestPublication() {
        return search.newestPublication();
    }

    @Override
    public int dimension() {
        return search.dimension();
    }

    @Override
    public Optional<Article> findArticle(String id) {
        return catalog.findArticle(id);
    }

    @Override
    public Optional<Article> findByContentHash(String contentHash) {
        return catalog.findByContentHash(contentHash);
    }

    @Override
    public ArchiveStats stats() {
        return catalog.stats();
    }

    @Override
    public List<ArticleSummary> listArticles(int offset, int limit) {
        return catalog.listArticles(offset, limit);
    }

    @Override
    public void forEachArticle(Consumer<StoredArticle> action) {
        catalog.forEachArticle(action);
    }

    @Override
    public List<RecordedStory> recordedStories() {
        return catalog.recordedStories();
    }

    @Override
    public ArchiveFacets facets() {
        return catalog.facets();
    }
}
