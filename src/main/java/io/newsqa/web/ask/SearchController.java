package io.newsqa.web.ask;

import io.newsqa.answer.AnswerService;
import io.newsqa.archive.ChunkHit;
import io.newsqa.archive.SearchFilter;
import io.newsqa.retrieve.HybridSearch;
import io.newsqa.retrieve.RetrievedPassage;
import io.newsqa.retrieve.time.AppliedFilter;
import io.newsqa.text.LanguageDetection;
import io.newsqa.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search of the archive for newsroom tools: the passages the answerer would read, with their
 * articles and the evidence for each (fused score, rank in each ranker).
 */
@RestController
public class SearchController {

    static final int MAX_LIMIT = 50;

    /**
     * One found passage and its article; {@code storyId} is the story the article tells (the first
     * stored article of it, its own id when it copies none), so copies of one wire story can be told apart.
     */
    public record SearchResult(
            String articleId,
            String title,
            String url,
            String source,
            OffsetDateTime publishedAt,
            String language,
            int chunk,
            String text,
            double score,
            int denseRank,
            int lexicalRank,
            String storyId) {

        static SearchResult of(RetrievedPassage passage) {
            ChunkHit hit = passage.hit();
            return new SearchResult(
                    hit.article().id(),
                    hit.article().title(),
                    hit.article().url(),
                    hit.article().source(),
                    hit.article().publishedAt(),
                    hit.article().language(),
                    hit.ordinal(),
                    hit.text(),
                    passage.fusedScore(),
                    passage.denseRank(),
                    passage.lexicalRank(),
                    hit.article().storyId());
        }
    }

    /**
     * The results, best first, with the language the query was analysed as and the date window or
     * recency prior its time words set ({@code null}: none).
     */
    public record SearchResponse(
            String query, String language, AppliedFilter appliedFilter, List<SearchResult> results) {}

    private final HybridSearch search;

    SearchController(HybridSearch search) {
        this.search = search;
    }

    @Operation(summary = "Search the archive's passages (hybrid dense + lexical), best first")
    @GetMapping(path = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
    public SearchResponse search(
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(name = "source", required = false) List<String> sources,
            @RequestParam(name = "language", required = false) List<String> languages,
            @RequestParam(defaultValue = "10") int limit) {
        if (query == null || query.isBlank()) {
            throw new InvalidRequestException(
                    "The query \"q\" is empty: send the words to look for, e.g. /api/search?q=tram.");
        }
        UnicodeText.check("q", query);
        String text = query.strip();
        if (text.length() > AnswerService.MAX_QUESTION_LENGTH) {
            throw new InvalidRequestException("The query has " + text.length() + " characters; the limit is "
                    + AnswerService.MAX_QUESTION_LENGTH + ".");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("\"limit\" is " + limit + "; send 1 to " + MAX_LIMIT + ".");
        }
        SearchFilter filter = ArchiveFilters.of(from, to, sources, languages);
        String language = LanguageDetection.detect(text);
        HybridSearch.Found found = search.find(text, language, filter, limit);
        return new SearchResponse(
                text,
                language,
                found.appliedFilter(),
                found.passages().stream().map(SearchResult::of).toList());
    }
}
