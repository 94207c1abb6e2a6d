package io.newsqa.answer.chain;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import io.newsqa.archive.Article;
import io.newsqa.archive.SearchFilter;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.RetrievedPassage;
import io.newsqa.retrieve.time.AppliedFilter;
import io.newsqa.text.LanguageDetection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The archive as a LangChain4j {@link ContentRetriever}: hybrid search for the query, each passage
 * a {@link Content} whose segment metadata carries what a citation needs (keys below). A passage is
 * the chunk found widened to whole sentences and to its neighbours ({@link PassageWindow}).
 *
 * <p>One instance serves one filter; it is cheap, so the answer service makes one per question,
 * and afterwards asks it {@link #appliedFilter()} to tell the user what time did to the search.
 */
public final class ArchiveContentRetriever implements ContentRetriever {

    public static final String ARTICLE_ID = "article_id";
    public static final String TITLE = "title";
    public static final String URL = "url";
    public static final String PUBLISHED_AT = "published_at";
    public static final String SOURCE = "source";
    public static final String LANGUAGE = "language";
    public static final String CHUNK_ORDINAL = "chunk_ordinal";
    public static final String STORY_ID = "story_id";

    /**
     * Characters of whole sentences each passage is widened by on either side within its article
     * ({@link PassageWindow}). Fitted on XQuAD dev with the extractive answer: Arabic answers
     * containing the gold went from 0.636 (whole sentences only) to 0.699 at 300 and stayed there
     * at 600 and 1200; English did not move (its paragraphs fit in one chunk).
     */
    static final int WINDOW_CHARACTERS = 300;

    private final HybridSearch search;
    private final int passages;
    private final SearchFilter filter;
    private final boolean acrossTime;
    private volatile AppliedFilter appliedFilter;

    public ArchiveContentRetriever(HybridSearch search, int passages, SearchFilter filter) {
        this(search, passages, filter, false);
    }

    private ArchiveContentRetriever(HybridSearch search, int passages, SearchFilter filter, boolean acrossTime) {
        this.search = search;
        this.passages = passages;
        this.filter = filter == null ? SearchFilter.none() : filter;
        this.acrossTime = acrossTime;
    }

    /**
     * A question's topic over every date: the passages found for it with its time words set aside
     * ({@link HybridSearch#findAcrossTime}), for its coverage outside the dates it asked about.
     */
    public static ArchiveContentRetriever acrossTime(HybridSearch search, int passages, SearchFilter filter) {
        return new ArchiveContentRetriever(search, passages, filter, true);
    }

    @Override
    public List<Content> retrieve(Query query) {
        String language = LanguageDetection.detect(query.text());
        HybridSearch.Found found = acrossTime
                ? search.findAcrossTime(query.text(), language, filter, passages)
                : search.find(query.text(), language, filter, passages);
        appliedFilter = found.appliedFilter();
        List<Content> contents = new ArrayList<>(found.passages().size());
        for (RetrievedPassage passage : found.passages()) {
            String text = PassageWindow.around(
                    passage.hit().article().body(), passage.hit().text(), WINDOW_CHARACTERS);
            contents.add(Content.from(
                    TextSegment.from(text, metadata(passage)), Map.of(ContentMetadata.SCORE, passage.fusedScore())));
        }
        return contents;
    }

    /** The date window or recency prior the last retrieval applied, or {@code null} when time played no part. */
    public AppliedFilter appliedFilter() {
        return appliedFilter;
    }

    private static Metadata metadata(RetrievedPassage passage) {
        Article article = passage.hit().article();
        Metadata metadata = new Metadata()
                .put(ARTICLE_ID, article.id())
                .put(TITLE, article.title())
                .put(LANGUAGE, article.language())
                .put(CHUNK_ORDINAL, passage.hit().ordinal())
                .put(STORY_ID, article.storyId());
        // Absent values stay absent: we never invent a date, a link or an outlet.
        if (article.url() != null) {
            metadata.put(URL, article.url());
        }
        if (article.publishedAt() != null) {
            metadata.put(PUBLISHED_AT, article.publishedAt().toString());
        }
        if (article.source() != null) {
            metadata.put(SOURCE, article.source());
        }
        return metadata;
    }
}
