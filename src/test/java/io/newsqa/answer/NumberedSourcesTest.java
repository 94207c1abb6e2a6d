package io.newsqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberedSourcesTest {

    private static Source passage(String article, String story, String published, int ordinal) {
        return new Source(
                0,
                article,
                "headline " + article,
                null,
                published == null ? null : OffsetDateTime.parse(published),
                null,
                "en",
                ordinal,
                "text of " + article + " " + ordinal,
                story);
    }

    private static List<String> order(List<Source> sources) {
        return sources.stream()
                .map(source -> source.articleId() + "#" + source.chunkOrdinal() + "=" + source.n())
                .toList();
    }

    @Test
    void withinAStoryTheNewestTellingTakesTheStorysBestPlacesAndOtherStoriesKeepTheirs() {
        List<Source> retrieved = List.of(
                passage("original", "original", "2025-03-01T10:00:00Z", 0),
                passage("other", "other", "2025-03-05T10:00:00Z", 0),
                passage("update", "original", "2025-03-02T10:00:00Z", 0),
                passage("original", "original", "2025-03-01T10:00:00Z", 1));

        assertThat(order(NumberedSources.numbered(retrieved)))
                .containsExactly("update#0=1", "other#0=2", "original#0=3", "original#1=4");
    }

    @Test
    void passagesOfOneArticleAndUndatedTellingsKeepTheirOrder() {
        List<Source> retrieved = List.of(
                passage("a", "a", "2025-03-01T10:00:00Z", 2),
                passage("a", "a", "2025-03-01T10:00:00Z", 0),
                passage("undated", "a", null, 0),
                passage("b", "b", null, 0));

        assertThat(order(NumberedSources.numbered(retrieved)))
                .containsExactly("a#2=1", "a#0=2", "undated#0=3", "b#0=4");
    }
}
