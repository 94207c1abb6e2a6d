package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import io.newsqa.answer.chain.ArchiveContentRetriever;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberedSourcesTest {

    private static Content passage(String article, String story, String published, int ordinal) {
        Metadata metadata = new Metadata()
                .put(ArchiveContentRetriever.ARTICLE_ID, article)
                .put(ArchiveContentRetriever.TITLE, "headline " + article)
                .put(ArchiveContentRetriever.LANGUAGE, "en")
                .put(ArchiveContentRetriever.CHUNK_ORDINAL, ordinal)
                .put(ArchiveContentRetriever.STORY_ID, story);
        if (published != null) {
            metadata.put(ArchiveContentRetriever.PUBLISHED_AT, published);
        }
        return Content.from(TextSegment.from("text of " + article + " " + ordinal, metadata));
    }

    private static List<String> order(List<Source> sources) {
        return sources.stream()
                .map(source -> source.articleId() + "#" + source.chunkOrdinal() + "=" + source.n())
                .toList();
    }

    @Test
    void withinAStoryTheNewestTellingTakesTheStorysBestPlacesAndOtherStoriesKeepTheirs() {
        List<Content> retrieved = List.of(
                passage("original", "original", "2025-03-01T10:00:00Z", 0),
                passage("other", "other", "2025-03-05T10:00:00Z", 0),
                passage("update", "original", "2025-03-02T10:00:00Z", 0),
                passage("original", "original", "2025-03-01T10:00:00Z", 1));

        assertThat(order(NumberedSources.from(retrieved)))
                .containsExactly("update#0=1", "other#0=2", "original#0=3", "original#1=4");
    }

    @Test
    void passagesOfOneArticleAndUndatedTellingsKeepTheirOrder() {
        List<Content> retrieved = List.of(
                passage("a", "a", "2025-03-01T10:00:00Z", 2),
                passage("a", "a", "2025-03-01T10:00:00Z", 0),
                passage("undated", "a", null, 0),
                passage("b", "b", null, 0));

        assertThat(order(NumberedSources.from(retrieved))).containsExactly("a#2=1", "a#0=2", "undated#0=3", "b#0=4");
    }
}
