package io.newsqa.answer;

import io.newsqa.archive.SearchFilter;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.RetrievedPassage;
import io.newsqa.retrieve.time.AppliedFilter;
import java.util.List;
import java.util.Map;

/**
 * The archive's passages for a question, as the numbered sources an answer quotes and cites:
 * hybrid search, each chunk found widened to whole sentences and to its neighbours
 * ({@link PassageWindow}), numbered with the newest telling of a story first
 * ({@link NumberedSources}). Typed from the search to the citation: nothing is flattened into
 * strings and parsed back.
 */
public final class ArchiveSources {

    /**
     * Characters of whole sentences each passage is widened by on either side within its article
     * ({@link PassageWindow}). Fitted on XQuAD dev with the extractive answer: Arabic answers
     * containing the gold went from 0.636 (whole sentences only) to 0.699 at 300 and stayed there
     * at 600 and 1200; English did not move (its paragraphs fit in one chunk).
     */
    static final int WINDOW_CHARACTERS = 300;

    /**
     * The sources found, and the date window or recency prior the search applied ({@code null}
     * when time played no part), to tell the reader what time did to the search.
     */
    public record Found(List<Source> sources, AppliedFilter appliedFilter) {}

    private final HybridSearch search;
    private final int passages;

    /** @param passages how many passages a question reads */
    public ArchiveSources(HybridSearch search, int passages) {
        this.search = search;
        this.passages = passages;
    }

    /** The sources for a question in this language, within the request's filter (null: none). */
    public Found find(String question, String language, SearchFilter filter) {
        return numbered(search.find(question, language, orNone(filter), passages));
    }

    /**
     * A question's topic over every date: the sources found with its time words set aside
     * ({@link HybridSearch#findAcrossTime}), for its coverage outside the dates it asked about.
     */
    public Found findAcrossTime(String question, String language, SearchFilter filter) {
        return numbered(search.findAcrossTime(question, language, orNone(filter), passages));
    }

    private Found numbered(HybridSearch.Found found) {
        Map<String, String> bodies = search.bodiesOf(found.passages());
        List<Source> retrieved = found.passages().stream()
                .map(passage ->
                        source(passage, bodies.get(passage.hit().article().id())))
                .toList();
        return new Found(NumberedSources.numbered(retrieved), found.appliedFilter());
    }

    /** A passage as a source, not yet numbered, quoted with the window of its article around it. */
    private static Source source(RetrievedPassage passage, String body) {
        return Source.of(
                0,
                passage.hit().article(),
                passage.hit().ordinal(),
                PassageWindow.around(body, passage.hit().text(), WINDOW_CHARACTERS));
    }

    private static SearchFilter orNone(SearchFilter filter) {
        return filter == null ? SearchFilter.none() : filter;
    }
}
